/**
 * GET …/tasks/occurrences: the dates pending recurring tasks will be due on
 * after their current due date, in a window. Computed, never stored.
 */
import { and, asc, eq, isNotNull, lt } from "drizzle-orm";
import {
  OCCURRENCE_WINDOW_MAX_DAYS,
  OCCURRENCES_PER_TASK_MAX,
  type Occurrence,
  type OccurrenceQuery,
} from "../../contracts/occurrences.ts";
import type { Db } from "../../db/client.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { invalid } from "../errors.ts";
import { projectedOccurrences } from "./recurrence.ts";

export async function listOccurrences(
  db: Db,
  userId: string,
  q: OccurrenceQuery,
  timeZone: string,
): Promise<Occurrence[]> {
  const from = new Date(q.from);
  const to = new Date(q.to);
  if (to <= from) throw invalid("validation_failed", "to must be after from");
  if (to.getTime() - from.getTime() > OCCURRENCE_WINDOW_MAX_DAYS * 86_400_000) {
    throw invalid("window_too_wide", `the window may span at most ${OCCURRENCE_WINDOW_MAX_DAYS} days`);
  }
  const where = [
    eq(tasks.userId, userId),
    eq(tasks.completed, false),
    isNotNull(tasks.recurrenceRule),
    isNotNull(tasks.dueAt),
    lt(tasks.dueAt, to),
  ];
  if (q.list_id !== undefined) where.push(eq(tasks.listId, q.list_id));
  const rows = await db
    .select({
      id: tasks.id,
      title: tasks.title,
      dueAt: tasks.dueAt,
      listId: tasks.listId,
      rule: tasks.recurrenceRule,
      from: tasks.recurrenceFrom,
      completed: tasks.completedOccurrences,
    })
    .from(tasks)
    .where(and(...where))
    .orderBy(asc(tasks.dueAt), asc(tasks.id));
  const out: Occurrence[] = [];
  for (const r of rows) {
    const state = {
      rule: r.rule!,
      from: r.from === "completion" ? ("completion" as const) : ("due" as const),
      completed: r.completed,
    };
    for (const at of projectedOccurrences(state, r.dueAt!, timeZone, from, to, OCCURRENCES_PER_TASK_MAX)) {
      out.push({ task_id: r.id, title: r.title, due_at: at.toISOString(), list_id: r.listId });
    }
  }
  return out.sort((a, b) => a.due_at.localeCompare(b.due_at) || a.task_id - b.task_id);
}
