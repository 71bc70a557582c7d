/** Per-filter counts for the web app's sidebar, in one scan of the user's tasks. */
import { and, eq, sql } from "drizzle-orm";
import type { TaskCounts } from "../../contracts/task.ts";
import type { Db } from "../../db/client.ts";
import { lists } from "../../db/schema/lists.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { dayBounds } from "../time.ts";

export async function countTasks(db: Db, userId: string, timeZone: string, now = new Date()): Promise<TaskCounts> {
  const { start, end } = dayBounds(now, timeZone);
  const pending = sql`not ${tasks.completed}`;
  const t = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  const [row] = await db
    .select({
      all: sql<number>`count(*)::int`,
      pending: sql<number>`count(*) filter (where ${pending})::int`,
      completed: sql<number>`count(*) filter (where ${tasks.completed})::int`,
      overdue: sql<number>`count(*) filter (where ${pending} and ${tasks.dueAt} < ${t(now)})::int`,
      due_today: sql<number>`count(*) filter (where ${pending} and ${tasks.dueAt} >= ${t(start)} and ${tasks.dueAt} < ${t(end)})::int`,
      upcoming: sql<number>`count(*) filter (where ${pending} and ${tasks.dueAt} >= ${t(end)})::int`,
    })
    .from(tasks)
    .where(eq(tasks.userId, userId));
  const perList = await db
    .select({
      list_id: lists.id,
      all: sql<number>`count(${tasks.id})::int`,
      pending: sql<number>`count(${tasks.id}) filter (where ${pending})::int`,
      completed: sql<number>`count(${tasks.id}) filter (where ${tasks.completed})::int`,
    })
    .from(lists)
    .leftJoin(tasks, and(eq(tasks.userId, lists.userId), eq(tasks.listId, lists.id)))
    .where(eq(lists.userId, userId))
    .groupBy(lists.id)
    .orderBy(lists.id);
  return { ...row!, lists: perList };
}
