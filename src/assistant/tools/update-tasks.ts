/**
 * update_tasks: one change to every task a filter (or a list of ids) matches,
 * through the domain's bulk edit, so it is all-or-nothing and one write against
 * the rate limit. Without `confirm: true` it only previews, like delete_tasks.
 */
import { MANY_MAX, TaskBulk } from "../../contracts/list.ts";
import type { Task } from "../../contracts/task.ts";
import type { BulkPrevious } from "../../contracts/tool-results.ts";
import { TOOL_SPECS } from "../../contracts/tool-specs.ts";
import type { Db } from "../../db/client.ts";
import { invalid } from "../../domain/errors.ts";
import { bulkEdit } from "../../domain/tasks/bulk-edit.ts";
import { selectTasks } from "../../domain/tasks/bulk.ts";
import { toZonedIso, wallAt, wallToInstant } from "../../domain/time.ts";
import { checked, resolveDate, summarize, toConditions } from "./convert.ts";
import { defineTool } from "./define.ts";
import { resolveList } from "./resolve.ts";

/** The new date at the task's own time of day (a task without a time, or undated, takes `due` as is). */
function atTimeOf(due: string, current: string | null, timeZone: string): string {
  if (!current) return due;
  const old = wallAt(new Date(current), timeZone);
  if (old.hour === 23 && old.minute === 59) return due;
  const day = wallAt(new Date(due), timeZone);
  return new Date(
    toZonedIso(wallToInstant({ ...day, hour: old.hour, minute: old.minute, second: 0 }, timeZone), timeZone),
  ).toISOString();
}

function previousOf(before: Task, after: Task): BulkPrevious {
  const p: BulkPrevious = { id: before.id };
  if (before.due_at !== after.due_at) p.due_at = before.due_at;
  if (before.priority !== after.priority) p.priority = before.priority;
  if (JSON.stringify(before.tags) !== JSON.stringify(after.tags)) p.tags = before.tags;
  if (before.list_id !== after.list_id) p.list_id = before.list_id;
  return p;
}

export const updateTasks = defineTool(TOOL_SPECS.update_tasks, {
  description:
    "Change many tasks at once (reschedule, set priority, move to a list, add or remove tags) by a filter or by numbers, " +
    `all or nothing, at most ${MANY_MAX}. Without confirm: true it only previews which tasks would change: show the user, ` +
    "ask, and after a yes call again with the previewed ids and confirm: true.",
  async run(ctx, { ids, filter, confirm, keep_time, due_at, priority, list, add_tags, remove_tags }) {
    const { list: filterList, ...rest } = filter ?? {};
    const inList = filterList === undefined ? undefined : (await resolveList(ctx, filterList)).id;
    const conditions = filter ? { ...toConditions(rest, ctx.timeZone), list_id: inList } : undefined;
    const to = list === undefined ? undefined : (await resolveList(ctx, list)).id;
    const due = due_at === undefined || due_at === null ? due_at : resolveDate(due_at, ctx.timeZone);
    return ctx.db.transaction(async (tx) => {
      const db = tx as unknown as Db;
      const targets = await selectTasks(db, ctx.userId, { ids, filter: conditions }, ctx.now(), MANY_MAX + 1);
      if (targets.length > MANY_MAX) throw invalid("too_many", `more than ${MANY_MAX} tasks match; narrow the filter`);
      if (!confirm)
        return {
          preview: true as const,
          would_update: targets.map((t) => ({ id: t.id, title: t.title })),
          total: targets.length,
        };
      // Tasks that keep their own time of day get different instants: one bulk edit per distinct date, in one transaction.
      const groups = new Map<string | null | undefined, number[]>();
      for (const t of targets) {
        const d = due && keep_time ? atTimeOf(due, t.due_at, ctx.timeZone) : due;
        groups.set(d, [...(groups.get(d) ?? []), t.id]);
      }
      const after = new Map<number, Task>();
      for (const [d, group] of groups) {
        const set = { due_at: d, priority, list_id: to, tags_add: add_tags, tags_remove: remove_tags };
        const edited = await bulkEdit(
          db,
          ctx.userId,
          checked(TaskBulk, {
            ids: group,
            set: Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)),
          }),
        );
        if ("tasks" in edited) for (const t of edited.tasks) after.set(t.id, t);
      }
      const now = targets.map((t) => after.get(t.id) ?? t);
      return { updated: now.map(summarize), previous: targets.map((t, i) => previousOf(t, now[i]!)) };
    });
  },
});
