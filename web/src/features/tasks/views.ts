/**
 * What the task page shows, kept in the URL (`/?view=today&tag=work&q=milk`)
 * so reloads, back/forward and sign-in redirects return to the same place.
 */
import type { Priority, TaskCounts, TaskSort } from "#contracts/task.ts";
import { PRIORITIES } from "#contracts/task.ts";
import type { ListParams } from "../../lib/tasks-api.ts";
import { startOfDay, startOfNextDay } from "./task-dates.ts";

export const VIEWS = [
  { id: "pending", label: "To do", count: "pending" },
  { id: "today", label: "Today", count: "due_today" },
  { id: "upcoming", label: "Upcoming", count: "upcoming" },
  // The calendar shows a window of days, not a bucket the server counts.
  { id: "calendar", label: "Calendar", count: null },
  { id: "overdue", label: "Overdue", count: "overdue" },
  { id: "completed", label: "Completed", count: "completed" },
  { id: "all", label: "All tasks", count: "all" },
] as const satisfies readonly { id: string; label: string; count: keyof TaskCounts | null }[];
export type ViewId = (typeof VIEWS)[number]["id"];
export const DEFAULT_VIEW: ViewId = "pending";

export const SORTS = {
  newest: { label: "Newest first", sort: "created_at", order: "desc" },
  oldest: { label: "Oldest first", sort: "created_at", order: "asc" },
  due: { label: "Due date", sort: "due_at", order: "asc" },
  priority: { label: "Priority", sort: "priority", order: "desc" },
  title: { label: "Title (A–Z)", sort: "title", order: "asc" },
  updated: { label: "Recently updated", sort: "updated_at", order: "desc" },
  manual: { label: "Manual order", sort: "position", order: "asc" },
} as const satisfies Record<string, { label: string; sort: TaskSort; order: "asc" | "desc" }>;
export type SortId = keyof typeof SORTS;

export interface TaskView {
  view: ViewId;
  priority: Priority[];
  tag: string | null;
  q: string;
  sort: SortId;
  /** A list page (`?list=3`): its tasks in manual order, as a list or a board. */
  list: number | null;
  layout: "list" | "board";
}

/** Whether search or a filter narrows the view (its count then no longer applies). */
export const isFiltered = (v: Pick<TaskView, "q" | "priority" | "tag">): boolean => v.q.trim() !== "" || v.priority.length > 0 || v.tag !== null;

/** Views where a new task would belong: the Completed view only ever shows finished ones. */
export const canAddIn = (view: ViewId): boolean => view !== "completed";

export function defaultSort(view: ViewId, list: number | null = null): SortId {
  if (list !== null) return "manual";
  return view === "today" || view === "upcoming" || view === "overdue" || view === "calendar" ? "due" : "newest";
}

/** Drag-and-drop order applies: a list page in manual order with nothing narrowing it. */
export const isManual = (v: TaskView): boolean => v.list !== null && v.sort === "manual" && !isFiltered(v);

export function parseView(search: URLSearchParams): TaskView {
  const v = search.get("view");
  const view = VIEWS.some((x) => x.id === v) ? (v as ViewId) : DEFAULT_VIEW;
  const l = Number(search.get("list"));
  const list = Number.isSafeInteger(l) && l > 0 ? l : null;
  const s = search.get("sort");
  // Own keys only: `?sort=toString` must not pick up an Object.prototype method.
  const sort = s && Object.hasOwn(SORTS, s) ? (s as SortId) : defaultSort(view, list);
  const priority = search.getAll("priority").filter((p): p is Priority => (PRIORITIES as readonly string[]).includes(p));
  const layout = list !== null && search.get("layout") === "board" ? "board" : "list";
  return { view, priority, tag: search.get("tag") || null, q: search.get("q") ?? "", sort, list, layout };
}

export function viewToSearch(v: TaskView): string {
  const p = new URLSearchParams();
  if (v.list !== null) p.set("list", String(v.list));
  else if (v.view !== DEFAULT_VIEW) p.set("view", v.view);
  if (v.list !== null && v.layout === "board") p.set("layout", "board");
  for (const pr of v.priority) p.append("priority", pr);
  if (v.tag) p.set("tag", v.tag);
  if (v.q) p.set("q", v.q);
  if (v.sort !== defaultSort(v.view, v.list)) p.set("sort", v.sort);
  const s = p.toString();
  return s ? `/?${s}` : "/";
}

/** Views that lay tasks out by day (their quick-add gives a new task that day's date). */
export const isDateView = (view: ViewId): boolean => view === "today" || view === "upcoming" || view === "calendar";

/**
 * The API query for a view. Day boundaries are the user's local midnight, matching
 * the server's counts for `?tz=`: `due_after` is inclusive, `due_before` exclusive.
 * `range`: the days the calendar shows (its `to` exclusive).
 */
export function toListParams(v: TaskView, now = new Date(), range?: { from: Date; to: Date }): ListParams {
  const { sort, order } = SORTS[v.sort];
  const base: ListParams = { sort, order, priority: v.priority, tag: v.tag ? [v.tag] : [], q: v.q.trim() || undefined };
  // A list page shows the list's open tasks, subtasks included (the page nests them).
  if (v.list !== null) return { ...base, status: "pending", list_id: v.list, limit: 100 };
  switch (v.view) {
    case "all":
      return { ...base, status: "all" };
    case "pending":
      return { ...base, status: "pending" };
    case "completed":
      return { ...base, status: "completed" };
    case "overdue":
      return { ...base, status: "pending", overdue: true };
    case "today":
      return {
        ...base,
        status: "pending",
        due_after: startOfDay(now).toISOString(),
        due_before: startOfNextDay(now).toISOString(),
      };
    case "upcoming":
      // From today: the first day group is Today (tasks due later today included), then every later day.
      return { ...base, status: "pending", due_after: startOfDay(now).toISOString() };
    case "calendar": {
      const from = range?.from ?? startOfDay(now);
      const to = range?.to ?? new Date(from.getFullYear(), from.getMonth(), from.getDate() + 42);
      return { ...base, status: "pending", due_after: from.toISOString(), due_before: to.toISOString() };
    }
  }
}

/** Which count buckets a task falls in (used to adjust counts while a delete awaits its undo window). */
export function countBuckets(
  t: { completed: boolean; due_at: string | null },
  now = new Date(),
): Exclude<keyof TaskCounts, "lists">[] {
  const out: Exclude<keyof TaskCounts, "lists">[] = ["all", t.completed ? "completed" : "pending"];
  if (t.completed || !t.due_at) return out;
  const due = new Date(t.due_at).getTime();
  if (due < now.getTime()) out.push("overdue");
  const tomorrow = startOfNextDay(now).getTime();
  if (due >= startOfDay(now).getTime() && due < tomorrow) out.push("due_today");
  if (due >= tomorrow) out.push("upcoming");
  return out;
}
