/**
 * Completing, skipping and un-completing one occurrence of a recurring task,
 * inside the caller's transaction on a row it has locked. Completing moves the
 * due date to the next occurrence and keeps the task pending (Todoist's model);
 * each completion leaves a row in task_completions so an undo puts back exactly
 * what was there (due date, count, last completion, the reopened subtasks).
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { taskCompletions, tasks } from "../../db/schema/tasks.ts";
import { conflict } from "../errors.ts";
import type { Tx } from "../lists/lock.ts";
import type { TaskRow } from "./mapping.ts";
import { nextOccurrence } from "./recurrence.ts";
import { descendantsOf } from "./tree.ts";

const byId = (userId: string, id: number) => and(eq(tasks.userId, userId), eq(tasks.id, id));
const stateOf = (row: TaskRow) => ({
  rule: row.recurrenceRule!,
  from: row.recurrenceFrom === "completion" ? ("completion" as const) : ("due" as const),
  completed: row.completedOccurrences,
});

export const isRecurring = (row: TaskRow) => row.recurrenceRule !== null;

/** Reopens the completed subtasks (any depth) of a task that moved on to its next occurrence. */
async function reopenSubtasks(tx: Tx, userId: string, id: number): Promise<number[]> {
  const below = await descendantsOf(tx, userId, [id]);
  if (below.length === 0) return [];
  const rows = await tx
    .update(tasks)
    .set({ completed: false, completedAt: null, updatedAt: new Date() })
    .where(and(eq(tasks.userId, userId), inArray(tasks.id, below), eq(tasks.completed, true)))
    .returning({ id: tasks.id });
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/**
 * Completes the current occurrence of a pending recurring task. With a next
 * occurrence the task stays pending, due then, and its subtasks reopen; without
 * one (the rule ended) it is completed for good.
 */
export async function completeOccurrence(
  tx: Tx,
  userId: string,
  row: TaskRow,
  timeZone: string,
  now = new Date(),
): Promise<TaskRow> {
  const next = nextOccurrence(stateOf(row), row.dueAt, timeZone, now);
  const reopened = next ? await reopenSubtasks(tx, userId, row.id) : [];
  await tx.insert(taskCompletions).values({
    userId,
    taskId: row.id,
    dueAt: row.dueAt,
    previousCompletedAt: row.lastCompletedAt,
    completedAt: now,
    ended: !next,
    reopenedSubtaskIds: reopened,
  });
  const [updated] = await tx
    .update(tasks)
    .set({
      completedOccurrences: row.completedOccurrences + 1,
      lastCompletedAt: now,
      updatedAt: now,
      ...(next ? { dueAt: next, completed: false, completedAt: null } : { completed: true, completedAt: now }),
    })
    .where(byId(userId, row.id))
    .returning();
  return updated!;
}

/**
 * Undoes the latest completion of a recurring task: the due date, count and
 * last completion go back to what they were, a task completed for good reopens,
 * and the subtasks that advance reopened are done again. Without a completion
 * to undo, a completed task simply reopens.
 */
export async function undoCompletion(tx: Tx, userId: string, row: TaskRow): Promise<TaskRow> {
  const [last] = await tx
    .select()
    .from(taskCompletions)
    .where(and(eq(taskCompletions.userId, userId), eq(taskCompletions.taskId, row.id)))
    .orderBy(desc(taskCompletions.seq))
    .limit(1);
  if (!last || (row.completed && !last.ended)) {
    if (!row.completed) return row;
    const [reopened] = await tx
      .update(tasks)
      .set({ completed: false, completedAt: null, updatedAt: new Date() })
      .where(byId(userId, row.id))
      .returning();
    return reopened!;
  }
  await tx
    .delete(taskCompletions)
    .where(
      and(eq(taskCompletions.userId, userId), eq(taskCompletions.taskId, row.id), eq(taskCompletions.seq, last.seq)),
    );
  if (last.reopenedSubtaskIds.length) {
    await tx
      .update(tasks)
      .set({ completed: true, completedAt: sql`coalesce(${tasks.completedAt}, now())`, updatedAt: new Date() })
      .where(and(eq(tasks.userId, userId), inArray(tasks.id, last.reopenedSubtaskIds)));
  }
  const [updated] = await tx
    .update(tasks)
    .set({
      dueAt: last.dueAt,
      completed: false,
      completedAt: null,
      completedOccurrences: Math.max(0, row.completedOccurrences - 1),
      lastCompletedAt: last.previousCompletedAt,
      updatedAt: new Date(),
    })
    .where(byId(userId, row.id))
    .returning();
  return updated!;
}

/** Moves a pending recurring task to its next occurrence without completing this one. */
export async function skipOccurrence(
  tx: Tx,
  userId: string,
  row: TaskRow,
  timeZone: string,
  now = new Date(),
): Promise<TaskRow> {
  if (!isRecurring(row)) throw conflict("not_recurring", "only a recurring task has occurrences to skip");
  if (row.completed) throw conflict("task_completed", "the task is completed; reopen it first");
  const next = nextOccurrence(stateOf(row), row.dueAt, timeZone, now, false);
  if (!next) throw conflict("recurrence_ended", "this is the last occurrence: complete or delete the task instead");
  const [updated] = await tx.update(tasks).set({ dueAt: next, updatedAt: now }).where(byId(userId, row.id)).returning();
  return updated!;
}

/** Forgets the completion history when a task stops recurring (nothing left to undo into). */
export async function clearCompletions(tx: Tx, userId: string, id: number): Promise<void> {
  await tx.delete(taskCompletions).where(and(eq(taskCompletions.userId, userId), eq(taskCompletions.taskId, id)));
}
