/**
 * Tool calls as ChatKit `progress_update` events: one readable line per call
 * ("Adding “Buy milk”…"), shown while the assistant works. The arguments come
 * from the model, so nothing here trusts their shape.
 */
import type { ProgressIcon } from "../../contracts/chatkit.ts";

export interface Progress {
  icon?: ProgressIcon;
  text: string;
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});
const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);
const title = (v: unknown) => (typeof v === "string" && v.trim() ? `“${clip(v.trim().replace(/\s+/g, " "))}”` : "a task");
const task = (v: unknown) => (typeof v === "number" && Number.isInteger(v) ? `task #${v}` : "a task");

export function progressFor(tool: string, args: unknown): Progress {
  const a = obj(args);
  switch (tool) {
    case "add_task":
      return { icon: "plus", text: `Adding ${title(a.title)}…` };
    case "list_tasks":
      return { icon: "search", text: "Looking through your tasks…" };
    case "get_task":
      return { icon: "search", text: `Looking up ${task(a.id)}…` };
    case "update_task":
      return { icon: "write", text: `Updating ${task(a.id)}…` };
    case "complete_task":
      return { icon: "check", text: a.completed === false ? `Reopening ${task(a.id)}…` : `Completing ${task(a.id)}…` };
    case "complete_tasks":
      return { icon: "check-circle", text: a.completed === false ? "Reopening tasks…" : "Completing tasks…" };
    case "delete_task":
      return { icon: "document", text: `Deleting ${task(a.id)}…` };
    case "delete_tasks":
      return a.confirm === true
        ? { icon: "document", text: "Deleting tasks…" }
        : { icon: "search", text: "Checking which tasks would be deleted…" };
    default:
      return { icon: "dots-horizontal", text: "Working…" };
  }
}
