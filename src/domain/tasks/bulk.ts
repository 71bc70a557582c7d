/**
 * Operations on many tasks at once (the assistant's bulk tools). Each is one
 * statement, so a bulk change is all-or-nothing.
 */
import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { Task } from "../../contracts/task.ts";
import type { Db } from "../../db/client.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { taskConditions, type TaskConditions } from "./filters.ts";
import { userTimeZone } from "../settings.ts";
import { toTask } from "./mapping.ts";
import { completeOccurrence, isRecurring, undoCompletion } from "./occurrences.ts";
import { searchTerms } from "./search.ts";

export const BULK_MAX = 100;

export async function countMatching(db: Db, userId: string, f: TaskConditions, now = new Date()): Promise<number> {
  const { words, wordLists } = await searchTerms(db, userId, f.q);
  const [row] = await db.select({ n: count() }).from(tasks).where(taskConditions(userId, { ...f, words, wordLists }, now));
  return row?.n ?? 0;
}

/** The user's tasks among `ids`, or matching `filter`; at most `limit` (default BULK_MAX), oldest first. */
export async function selectTasks(
  db: Db,
  userId: string,
  target: { ids?: number[] | undefined; filter?: TaskConditions | undefined },
  now = new Date(),
  limit = BULK_MAX,
): Promise<Task[]> {
  const f = target.filter ?? {};
  const { words, wordLists } = await searchTerms(db, userId, f.q);
  const where = [taskConditions(userId, { ...f, words, wordLists }, now)];
  if (target.ids) where.push(inArray(tasks.id, target.ids.length ? target.ids : [-1]));
  const rows = await db.select().from(tasks).where(and(...where)).orderBy(tasks.id).limit(limit);
  return rows.map(toTask);
}

/** A recurring task moves on to its next occurrence (or its latest completion is undone), as one completion each. */
export async function setCompletedMany(db: Db, userId: string, ids: number[], completed: boolean, timeZone?: string): Promise<Task[]> {
  if (ids.length === 0) return [];
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(tasks).where(and(eq(tasks.userId, userId), inArray(tasks.id, ids))).orderBy(tasks.id).for("update");
    const plain = rows.filter((r) => !isRecurring(r)).map((r) => r.id);
    const out = new Map<number, Task>();
    if (plain.length) {
      const updated = await tx
        .update(tasks)
        .set({ completed, completedAt: completed ? sql`coalesce(${tasks.completedAt}, now())` : null, updatedAt: new Date() })
        .where(and(eq(tasks.userId, userId), inArray(tasks.id, plain)))
        .returning();
      for (const r of updated) out.set(r.id, toTask(r));
    }
    const recurring = rows.filter(isRecurring);
    const zone = recurring.length ? (timeZone ?? (await userTimeZone(tx, userId))) : "UTC";
    for (const r of recurring) {
      const next = completed ? (r.completed ? r : await completeOccurrence(tx, userId, r, zone)) : await undoCompletion(tx, userId, r);
      out.set(r.id, toTask(next));
    }
    return [...out.values()].sort((a, b) => a.id - b.id);
  });
}

export async function deleteMany(db: Db, userId: string, ids: number[]): Promise<Task[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .delete(tasks)
    .where(and(eq(tasks.userId, userId), inArray(tasks.id, ids)))
    .returning();
  return rows.map(toTask).sort((a, b) => a.id - b.id);
}
