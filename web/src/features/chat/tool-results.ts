/**
 * Reading tool results (see `ToolResult` in #contracts/tools.ts) defensively: the
 * stored history may come from an older server, so every shape is checked.
 */
import type { DeletedTask, TaskSummary } from "#contracts/tools.ts";

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function isTaskSummary(v: unknown): v is TaskSummary {
  return isObj(v) && typeof v.id === "number" && typeof v.title === "string";
}

export type ParsedResult =
  | { kind: "task"; task: TaskSummary; changed: string[] | null; previous: Record<string, unknown> | null }
  | { kind: "list"; tasks: TaskSummary[]; total: number }
  | { kind: "deleted"; deleted: DeletedTask[] }
  | { kind: "preview"; wouldDelete: { id: number; title: string }[] }
  | { kind: "updated"; updated: TaskSummary[] }
  | { kind: "error"; code: string; message: string }
  | { kind: "pending" }
  | { kind: "unknown" };

export function parseToolResult(result: unknown): ParsedResult {
  if (result === undefined || result === null) return { kind: "pending" };
  if (!isObj(result)) return { kind: "unknown" };
  if (isObj(result.error)) {
    return { kind: "error", code: String(result.error.code ?? "error"), message: String(result.error.message ?? "it failed") };
  }
  if (isTaskSummary(result.task)) {
    return {
      kind: "task",
      task: result.task,
      changed: Array.isArray(result.changed) ? result.changed.map(String) : null,
      previous: isObj(result.previous) ? result.previous : null,
    };
  }
  if (Array.isArray(result.tasks)) {
    const tasks = result.tasks.filter(isTaskSummary);
    return { kind: "list", tasks, total: typeof result.total === "number" ? result.total : tasks.length };
  }
  if (Array.isArray(result.deleted)) return { kind: "deleted", deleted: result.deleted.filter(isTaskSummary) as DeletedTask[] };
  if (result.preview === true && Array.isArray(result.would_delete)) {
    return { kind: "preview", wouldDelete: result.would_delete.filter(isTaskSummary) };
  }
  if (Array.isArray(result.updated)) return { kind: "updated", updated: result.updated.filter(isTaskSummary) };
  return { kind: "unknown" };
}

/** Whether a result means tasks changed (so the list should reload). */
export function changesTasks(tool: string, result: unknown): boolean {
  const r = parseToolResult(result);
  if (r.kind === "deleted" || r.kind === "updated") return true;
  return r.kind === "task" && tool !== "get_task";
}
