/**
 * The fixed entries at the top of the sidebar, in order. Add a view here (and,
 * for a page of its own, a route in app.tsx); `href` builds its link.
 * `count` picks the number shown beside it from GET /tasks/counts.
 */
import type { TaskCounts } from "#contracts/task.ts";
import type { ViewId } from "../tasks/views.ts";

export interface NavItem {
  /** Used in test ids (`view-<id>`, `count-<id>`). */
  id: string;
  label: string;
  /** A task view (`/?view=…`), the Inbox list, or a page of its own. */
  target: { view: ViewId } | { inbox: true } | { path: string };
  count?: (c: TaskCounts, inboxId: number | null) => number | undefined;
  /** Shown in red when not zero. */
  alert?: boolean;
}

const listPending = (c: TaskCounts, id: number | null) =>
  id === null ? undefined : (c.lists.find((l) => l.list_id === id)?.pending ?? 0);

export const NAV_ITEMS: NavItem[] = [
  { id: "inbox", label: "Inbox", target: { inbox: true }, count: listPending },
  { id: "today", label: "Today", target: { view: "today" }, count: (c) => c.due_today },
  { id: "upcoming", label: "Upcoming", target: { view: "upcoming" }, count: (c) => c.upcoming },
  { id: "calendar", label: "Calendar", target: { view: "calendar" } },
  { id: "pending", label: "To do", target: { view: "pending" }, count: (c) => c.pending },
  { id: "overdue", label: "Overdue", target: { view: "overdue" }, count: (c) => c.overdue, alert: true },
  { id: "completed", label: "Completed", target: { view: "completed" }, count: (c) => c.completed },
  { id: "all", label: "All tasks", target: { view: "all" }, count: (c) => c.all },
];
