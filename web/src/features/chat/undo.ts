/**
 * Undo for changes the assistant made, through the ordinary task API:
 * add → delete it; complete/reopen → set it back; update → PATCH the previous
 * values; delete → create the task again (it gets a new number: the API has no
 * "restore"); bulk complete → set each back; bulk delete → create each again.
 */
import type { TaskPatch } from "#contracts/task.ts";
import type { DeletedTask } from "#contracts/tools.ts";
import { ApiError } from "../../lib/api-client.ts";
import { createTask, deleteTask, patchTask, setCompleted } from "../../lib/tasks-api.ts";
import { parseToolResult } from "./tool-results.ts";

export interface UndoPlan {
  /** The button's accessible name, e.g. "Undo adding #4 Buy milk". */
  label: string;
  /** Reverts the change; resolves with what happened, e.g. "Restored as #9". */
  run: () => Promise<string>;
}

const PATCHABLE = ["title", "description", "priority", "tags", "due_at", "completed"] as const;
const ids = (xs: { id: number }[]) => xs.map((x) => `#${x.id}`).join(", ");

function previousPatch(previous: Record<string, unknown>): TaskPatch {
  const patch: Record<string, unknown> = {};
  for (const k of PATCHABLE) if (k in previous) patch[k] = previous[k];
  return patch as TaskPatch;
}

function recreate(t: DeletedTask) {
  return createTask({
    title: t.title,
    description: t.description ?? null,
    priority: t.priority,
    tags: t.tags,
    due_at: t.due_at,
    completed: t.status === "completed",
  });
}

/** Runs every step, then reports how many worked (throws if none did). */
async function all<T>(items: T[], step: (t: T) => Promise<unknown>): Promise<{ ok: unknown[]; failed: number }> {
  const results = await Promise.allSettled(items.map(step));
  const ok = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failed = results.length - ok.length;
  if (ok.length === 0 && failed > 0) {
    const first = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    throw first.reason;
  }
  return { ok, failed };
}
const partial = (failed: number) => (failed ? ` (${failed} couldn't be restored)` : "");

/** What Undo would do for this tool call, or null when there is nothing to undo. */
export function undoPlanFor(tool: string, args: unknown, result: unknown): UndoPlan | null {
  const r = parseToolResult(result);
  const a = (typeof args === "object" && args !== null ? args : {}) as Record<string, unknown>;

  if (r.kind === "task") {
    const t = r.task;
    if (tool === "add_task") {
      return {
        label: `Undo adding #${t.id} ${t.title}`,
        run: async () => (await deleteTask(t.id), `Removed #${t.id}`),
      };
    }
    if (tool === "complete_task" && (r.changed === null || r.changed.includes("completed"))) {
      const back = t.status !== "completed";
      return {
        label: `Undo ${back ? "reopening" : "completing"} #${t.id} ${t.title}`,
        run: async () => (await setCompleted(t.id, back), back ? `#${t.id} is done again` : `#${t.id} is open again`),
      };
    }
    if (tool === "update_task" && r.previous && Object.keys(r.previous).length > 0) {
      const patch = previousPatch(r.previous);
      return {
        label: `Undo changes to #${t.id} ${t.title}`,
        run: async () => (await patchTask(t.id, patch), `Restored #${t.id}`),
      };
    }
    return null;
  }
  if (r.kind === "deleted" && r.deleted.length > 0) {
    const n = r.deleted.length;
    return {
      label: n === 1 ? `Undo deleting #${r.deleted[0]!.id} ${r.deleted[0]!.title}` : `Undo deleting ${n} tasks`,
      run: async () => {
        const { ok, failed } = await all(r.deleted, recreate);
        return `Restored as ${ids(ok as { id: number }[])} (new ${ok.length === 1 ? "number" : "numbers"})${partial(failed)}`;
      },
    };
  }
  if (r.kind === "updated" && r.updated.length > 0) {
    const back = a.completed === false; // they were reopened: complete them again
    return {
      label: `Undo ${back ? "reopening" : "completing"} ${r.updated.length === 1 ? `#${r.updated[0]!.id}` : `${r.updated.length} tasks`}`,
      run: async () => {
        const { ok, failed } = await all(r.updated, (t) => setCompleted(t.id, back));
        return `Set back ${ok.length} ${ok.length === 1 ? "task" : "tasks"}${partial(failed)}`;
      },
    };
  }
  return null;
}

export function undoErrorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 404) return "That task no longer exists.";
    return err.message;
  }
  return "Something went wrong.";
}
