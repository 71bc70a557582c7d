/** `subtask_counts` of tasks in a response, read in the same statement as the tasks. */
import { sql } from "drizzle-orm";

/**
 * `[total, completed]` of the row's direct subtasks: a correlated subquery
 * (one index probe on tasks_user_parent_idx per row). Under ORDER BY … LIMIT,
 * Postgres evaluates it after the sort, only for the rows returned.
 */
// Raw SQL: drizzle leaves columns unqualified in a one-table select, which would bind the outer
// "tasks" columns to the inner table.
export const subtaskCountsExpr = sql<string | number[]>`(select array[count(*), count(*) filter (where child.completed)]::int[]
  from tasks child where child.user_id = "tasks"."user_id" and child.parent_id = "tasks"."id")`;

/** Reads the pair above; PGlite and pg both parse int[], a text form is tolerated. */
export function subtaskCounts(v: string | number[] | null): { total: number; completed: number } {
  const [total, completed] = typeof v === "string" ? v.replace(/[{}]/g, "").split(",").map(Number) : (v ?? [0, 0]);
  return { total: Number(total ?? 0), completed: Number(completed ?? 0) };
}
