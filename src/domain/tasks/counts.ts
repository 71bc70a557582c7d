/**
 * Per-filter counts for the web app's sidebar: one statement, one scan of the
 * user's tasks, with the per-list counts and the data version (for an ETag) as
 * subqueries of the same snapshot.
 */
import { eq, sql } from "drizzle-orm";
import type { TaskCounts } from "../../contracts/task.ts";
import type { Db } from "../../db/client.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { dayBounds } from "../time.ts";
import { nextDueExpr, versionExpr } from "./version.ts";

type PerList = TaskCounts["lists"];

export async function countTasks(db: Db, userId: string, timeZone: string, now = new Date()): Promise<TaskCounts & { version: number; nextDue: string | null }> {
  const { start, end } = dayBounds(now, timeZone);
  const pending = sql`not ${tasks.completed}`;
  const t = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  // Raw, aliased SQL in the subquery: drizzle leaves columns unqualified in a one-table select.
  const perList = sql<PerList | string>`(select coalesce(json_agg(json_build_object('list_id', x.id, 'all', x.a, 'pending', x.p, 'completed', x.c) order by x.id), '[]'::json)
    from (select l.id, count(lt.id)::int a, count(lt.id) filter (where not lt.completed)::int p, count(lt.id) filter (where lt.completed)::int c
      from lists l left join tasks lt on lt.user_id = l.user_id and lt.list_id = l.id where l.user_id = ${userId} group by l.id) x)`;
  const [row] = await db
    .select({
      all: sql<number>`count(*)::int`,
      pending: sql<number>`count(*) filter (where ${pending})::int`,
      completed: sql<number>`count(*) filter (where ${tasks.completed})::int`,
      overdue: sql<number>`count(*) filter (where ${pending} and ${tasks.dueAt} < ${t(now)})::int`,
      due_today: sql<number>`count(*) filter (where ${pending} and ${tasks.dueAt} >= ${t(start)} and ${tasks.dueAt} < ${t(end)})::int`,
      upcoming: sql<number>`count(*) filter (where ${pending} and ${tasks.dueAt} >= ${t(end)})::int`,
      lists: perList,
      version: versionExpr(userId),
      nextDue: nextDueExpr(userId, now),
    })
    .from(tasks)
    .where(eq(tasks.userId, userId));
  const { lists, version, nextDue, ...counts } = row!;
  return {
    ...counts,
    lists: typeof lists === "string" ? (JSON.parse(lists) as PerList) : lists,
    version: Number(version ?? 0),
    nextDue: nextDue == null ? null : new Date(nextDue).toISOString(),
  };
}
