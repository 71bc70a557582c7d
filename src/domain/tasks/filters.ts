/** Turns a task filter into SQL conditions, always scoped to one user. */
import { and, arrayContains, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Priority, TaskStatus } from "../../contracts/task.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { priorityRank } from "./mapping.ts";

export interface TaskConditions {
  status?: TaskStatus | undefined;
  priority?: Priority[] | undefined;
  tag?: string[] | undefined;
  /** ISO instants: due_after is inclusive, due_before exclusive. */
  due_before?: string | undefined;
  due_after?: string | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
}

/** `%`, `_` and `\` match themselves in a search, not as LIKE wildcards. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const at = (iso: string) => sql`${iso}::timestamptz`;

export function taskConditions(userId: string, f: TaskConditions, now = new Date()): SQL {
  const conds: (SQL | undefined)[] = [eq(tasks.userId, userId)];
  if (f.status === "pending") conds.push(eq(tasks.completed, false));
  if (f.status === "completed") conds.push(eq(tasks.completed, true));
  if (f.priority?.length) conds.push(inArray(tasks.priority, f.priority.map(priorityRank)));
  if (f.tag?.length) conds.push(arrayContains(tasks.tags, f.tag));
  if (f.due_before) conds.push(lt(tasks.dueAt, at(f.due_before)));
  if (f.due_after) conds.push(gte(tasks.dueAt, at(f.due_after)));
  if (f.overdue) conds.push(eq(tasks.completed, false), lt(tasks.dueAt, at(now.toISOString())));
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    conds.push(or(sql`${tasks.title} ilike ${pattern}`, sql`${tasks.description} ilike ${pattern}`));
  }
  return and(...conds)!;
}
