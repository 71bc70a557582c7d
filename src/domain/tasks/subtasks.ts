/** `subtask_counts` of tasks in a response: one grouped query for the whole page. */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Task } from "../../contracts/task.ts";
import type { Db } from "../../db/client.ts";
import { tasks } from "../../db/schema/tasks.ts";

export async function withSubtaskCounts(db: Db, userId: string, page: Task[]): Promise<Task[]> {
  if (page.length === 0) return page;
  const rows = await db
    .select({ parent: tasks.parentId, total: sql<number>`count(*)::int`, completed: sql<number>`count(*) filter (where ${tasks.completed})::int` })
    .from(tasks)
    .where(and(eq(tasks.userId, userId), inArray(tasks.parentId, page.map((t) => t.id))))
    .groupBy(tasks.parentId);
  const counts = new Map(rows.map((r) => [r.parent, { total: Number(r.total), completed: Number(r.completed) }]));
  return page.map((t) => ({ ...t, subtask_counts: counts.get(t.id) ?? { total: 0, completed: 0 } }));
}
