/**
 * POST …/tasks/bulk: one change to many tasks, all-or-nothing in one
 * transaction. Every id must be the user's (else 404 and nothing changes), and
 * every result is checked (tag caps) before commit.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { TaskBulk } from "../../contracts/list.ts";
import { TAGS_MAX, type Task } from "../../contracts/task.ts";
import type { Db } from "../../db/client.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { invalid } from "../errors.ts";
import { lockOrganizer } from "../lists/lock.ts";
import { userTimeZone } from "../settings.ts";
import type { Tx } from "../lists/lock.ts";
import { priorityRank, toTask, type TaskRow } from "./mapping.ts";
import { completeOccurrence, isRecurring, undoCompletion } from "./occurrences.ts";
import { loadOwned, moveInTx } from "./move.ts";
import { completeSubtasks } from "./service.ts";
import { ancestorsOf, descendantsOf } from "./tree.ts";
import { syncReminders } from "../reminders/service.ts";

export type BulkResult = { tasks: Task[]; completed_subtask_ids?: number[] } | { deleted: number[] };

const textArray = (xs: string[]) => sql`array[${sql.join(xs.map((x) => sql`${x}::text`), sql`, `)}]::text[]`;

/** Completion for each row: a recurring task's occurrence moves on (or its last completion is undone), others get the flag. */
async function setCompletion(tx: Tx, userId: string, rows: TaskRow[], completed: boolean): Promise<TaskRow[]> {
  const plain = rows.filter((r) => !isRecurring(r)).map((r) => r.id);
  const out = new Map<number, TaskRow>();
  if (plain.length) {
    const set = { completed, completedAt: completed ? sql`coalesce(${tasks.completedAt}, now())` : null, updatedAt: new Date() };
    for (const r of await tx.update(tasks).set(set).where(and(eq(tasks.userId, userId), inArray(tasks.id, plain))).returning()) out.set(r.id, r);
  }
  const recurring = rows.filter(isRecurring);
  const zone = recurring.length ? await userTimeZone(tx, userId) : "UTC";
  for (const r of recurring) {
    if (completed) out.set(r.id, r.completed ? r : await completeOccurrence(tx, userId, r, zone));
    else out.set(r.id, await undoCompletion(tx, userId, r));
  }
  return rows.map((r) => out.get(r.id) ?? r);
}

export async function bulkEdit(db: Db, userId: string, req: TaskBulk): Promise<BulkResult> {
  return db.transaction(async (tx) => {
    await lockOrganizer(tx, userId);
    await loadOwned(tx, userId, req.ids);
    const these = and(eq(tasks.userId, userId), inArray(tasks.id, req.ids));
    if ("delete" in req) {
      // Subtasks go with their parents (the foreign key cascades); report them too.
      const below = await descendantsOf(tx, userId, req.ids);
      await tx.delete(tasks).where(these);
      return { deleted: [...new Set([...req.ids, ...below])].sort((a, b) => a - b) };
    }
    const s = req.set;
    if (s.list_id !== undefined) {
      // Only tasks whose ancestors are not moved too: subtasks travel with their parents.
      const picked = new Set(req.ids);
      const roots: number[] = [];
      for (const id of req.ids) if (!(await ancestorsOf(tx, userId, id)).slice(1).some((a) => picked.has(a))) roots.push(id);
      await moveInTx(tx, userId, { ids: roots, list_id: s.list_id, parent_id: null });
    }
    const set: Record<string, unknown> = {};
    if (s.priority !== undefined) set.priority = priorityRank(s.priority);
    if (s.due_at !== undefined) set.dueAt = s.due_at ? new Date(s.due_at) : null;
    if (s.tags_add || s.tags_remove) {
      // Keeps each tag's first position; removes win over adds.
      const add = textArray(s.tags_add ?? []);
      const remove = textArray(s.tags_remove ?? []);
      set.tags = sql`array(select x from unnest(${tasks.tags} || ${add}) with ordinality u(x, n) where x <> all(${remove}) group by x order by min(n))`;
    }
    let rows: TaskRow[] = await tx.select().from(tasks).where(these);
    if (Object.keys(set).length > 0) rows = await tx.update(tasks).set({ ...set, updatedAt: new Date() }).where(these).returning();
    if (s.completed !== undefined) rows = await setCompletion(tx, userId, rows, s.completed);
    if (s.due_at !== undefined || s.completed !== undefined) await syncReminders(tx, userId, rows.map((r) => r.id));
    const tooMany = rows.find((r) => r.tags.length > TAGS_MAX);
    if (tooMany) throw invalid("validation_failed", `task ${tooMany.id} would have more than ${TAGS_MAX} tags`);
    const cascaded = s.completed ? await completeSubtasks(tx, userId, req.ids) : [];
    const order = new Map(req.ids.map((id, i) => [id, i]));
    const result = rows.map(toTask).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return s.completed ? { tasks: result, completed_subtask_ids: cascaded.filter((id) => !order.has(id)) } : { tasks: result };
  });
}
