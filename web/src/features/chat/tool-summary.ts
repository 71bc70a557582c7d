/**
 * One line (plus optional details) saying what a tool call did, e.g.
 * "Added #4 Buy milk · due Tue 9:00 · #errands", "Completed #3", "Deleted 2 tasks".
 * The result is parsed with the tool's own schemas and worded by the tool's
 * effect (both from #contracts/tool-specs.ts), never by its name.
 */
import type { TaskRef, TaskSummary } from "#contracts/tool-results.ts";
import { readToolResult, toolProgress, toolSpec } from "#contracts/tool-specs.ts";

export type ToolTone = "change" | "info" | "error" | "pending";

export interface ToolSummary {
  tone: ToolTone;
  title: string;
  /** Extra lines: the tasks a list or bulk change touched. */
  details: string[];
}

const weekdayTime = new Intl.DateTimeFormat(undefined, { weekday: "short", hour: "numeric", minute: "2-digit" });
const weekday = new Intl.DateTimeFormat(undefined, { weekday: "short" });
const dateTime = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", hour: "numeric", minute: "2-digit" });
const date = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });

/** "Tue 9:00", "3 Dec 14:30", "Fri" (due by the end of the day: no time). */
export function shortDue(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const allDay = d.getHours() === 23 && d.getMinutes() === 59;
  const days = (d.getTime() - now.getTime()) / 86_400_000;
  const thisWeek = days > -1 && days < 6;
  if (thisWeek) return allDay ? weekday.format(d) : weekdayTime.format(d);
  return allDay ? date.format(d) : dateTime.format(d);
}

const ref = (t: TaskRef) => `#${t.id} ${t.title}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const completedVerb = (t: TaskSummary) => (t.status === "completed" ? "Completed" : "Reopened");

function taskLine(t: TaskSummary): string {
  const parts = [ref(t)];
  if (t.due_at) parts.push(`due ${shortDue(t.due_at)}`);
  if (t.priority !== "none") parts.push(`${t.priority} priority`);
  for (const tag of t.tags) parts.push(`#${tag}`);
  return parts.join(" · ");
}

const FIELD_LABELS: Record<string, string> = {
  title: "title",
  description: "description",
  priority: "priority",
  tags: "tags",
  due_at: "due date",
  completed: "status",
};

export function summarizeToolCall(tool: string, args: unknown, result: unknown): ToolSummary {
  const r = readToolResult(tool, result);
  const effect = toolSpec(tool)?.effect;
  switch (r.kind) {
    case "pending":
      return { tone: "pending", title: toolProgress(tool, args).text, details: [] };
    case "error":
      return { tone: "error", title: `Couldn't ${tool.replace(/_/g, " ")}: ${r.message}`, details: [] };
    case "task": {
      const t = r.task;
      if (effect === "create") return { tone: "change", title: `Added ${taskLine(t)}`, details: [] };
      if (effect === "complete") return { tone: "change", title: `${completedVerb(t)} ${ref(t)}`, details: [] };
      if (effect === "update") {
        const changed = (r.changed ?? []).map((f) => FIELD_LABELS[f] ?? f);
        if (changed.length === 0) return { tone: "info", title: `No change to ${ref(t)}`, details: [] };
        return { tone: "change", title: `Updated ${ref(t)}: ${changed.join(", ")}`, details: [taskLine(t)] };
      }
      return { tone: "info", title: taskLine(t), details: [] };
    }
    case "list": {
      const shown = r.tasks.length;
      const title = r.total === 0 ? "No matching tasks" : `Found ${plural(r.total, "task")}${r.total > shown ? ` (showing ${shown})` : ""}`;
      return { tone: "info", title, details: r.tasks.map(taskLine) };
    }
    case "deleted":
      if (r.deleted.length === 1) return { tone: "change", title: `Deleted ${ref(r.deleted[0]!)}`, details: [] };
      return { tone: "change", title: `Deleted ${plural(r.deleted.length, "task")}`, details: r.deleted.map(ref) };
    case "preview":
      if (r.would_delete.length === 0) return { tone: "info", title: "Nothing to delete", details: [] };
      return { tone: "info", title: `Would delete: ${r.would_delete.map(ref).join(", ")}`, details: [] };
    case "updated": {
      const n = r.updated.length;
      if (n === 0) return { tone: "info", title: "No matching tasks", details: [] };
      const verb = completedVerb(r.updated[0]!);
      if (n === 1) return { tone: "change", title: `${verb} ${ref(r.updated[0]!)}`, details: [] };
      return { tone: "change", title: `${verb} ${plural(n, "task")}`, details: r.updated.map(ref) };
    }
    case "update_preview":
      if (r.would_update.length === 0) return { tone: "info", title: "No matching tasks", details: [] };
      return { tone: "info", title: `Would change ${plural(r.total, "task")}`, details: r.would_update.map(ref) };
    case "bulk_updated": {
      const changed = r.previous.filter((p) => Object.keys(p).length > 1).length;
      if (changed === 0) return { tone: "info", title: `No change to ${plural(r.updated.length, "task")}`, details: [] };
      return { tone: "change", title: `Updated ${plural(changed, "task")}`, details: r.updated.map(taskLine) };
    }
    case "lists":
      return { tone: "info", title: plural(r.lists.length, "list"), details: r.lists.map((l) => `${l.name} · ${l.open} open`) };
    case "list_item":
      return effect === "create"
        ? { tone: "change", title: `Created the list ${l(r.list.name)}`, details: [] }
        : { tone: "change", title: `Updated the list ${l(r.list.name)}`, details: [] };
    case "moved":
      return { tone: "change", title: `Moved ${plural(r.moved.length, "task")} to ${l(r.list.name)}`, details: r.moved.map(ref) };
    case "unknown":
      return { tone: "info", title: `Used ${tool.replace(/_/g, " ")}`, details: [] };
  }
}

const l = (name: string) => `\u201c${name}\u201d`;
