/** Turns a task filter into SQL conditions, always scoped to one user. */
import { and, arrayContains, eq, gte, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Priority, TaskStatus } from "../../contracts/task.ts";
import type { Db } from "../../db/client.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { notFound } from "../errors.ts";
import { getList } from "../lists/service.ts";
import { getSection } from "../lists/sections.ts";
import { priorityRank } from "./mapping.ts";
import { matchWords } from "./search.ts";

export interface TaskConditions {
  status?: TaskStatus | undefined;
  priority?: Priority[] | undefined;
  tag?: string[] | undefined;
  /** ISO instants: due_after is inclusive, due_before exclusive. */
  due_before?: string | undefined;
  due_after?: string | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
  /** `q` folded by `foldQuery`: the words every match must contain. */
  words?: string[] | undefined;
  /** Per word, the user's lists whose name contains it (`listsMatching`). */
  wordLists?: Map<string, number[]> | undefined;
  list_id?: number | undefined;
  section_id?: number | "none" | undefined;
  parent_id?: number | "none" | undefined;
  /** ISO instants, inclusive. */
  created_after?: string | undefined;
  completed_after?: string | undefined;
}

/** Another user's list, section or parent in a filter is a 404, as on every other route. */
export async function checkFilterScope(db: Db, userId: string, f: TaskConditions): Promise<void> {
  if (f.list_id !== undefined) await getList(db, userId, f.list_id);
  if (typeof f.section_id === "number") await getSection(db, userId, f.section_id);
  if (typeof f.parent_id === "number") {
    const [row] = await db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.userId, userId), eq(tasks.id, f.parent_id)));
    if (!row) throw notFound("parent task");
  }
}

const at = (iso: string) => sql`${iso}::timestamptz`;

export function taskConditions(userId: string, f: TaskConditions, now = new Date()): SQL {
  const conds: (SQL | undefined)[] = [eq(tasks.userId, userId)];
  if (f.status === "pending") conds.push(eq(tasks.completed, false));
  if (f.status === "completed") conds.push(eq(tasks.completed, true));
  if (f.priority?.length) conds.push(inArray(tasks.priority, f.priority.map(priorityRank)));
  if (f.tag?.length) conds.push(arrayContains(tasks.tags, f.tag));
  if (f.due_before) conds.push(lt(tasks.dueAt, at(f.due_before)));
  if (f.due_after) conds.push(gte(tasks.dueAt, at(f.due_after)));
  if (f.created_after) conds.push(gte(tasks.createdAt, at(f.created_after)));
  if (f.completed_after) conds.push(eq(tasks.completed, true), gte(tasks.completedAt, at(f.completed_after)));
  if (f.overdue) conds.push(eq(tasks.completed, false), lt(tasks.dueAt, at(now.toISOString())));
  if (f.list_id !== undefined) conds.push(eq(tasks.listId, f.list_id));
  if (f.section_id !== undefined) conds.push(f.section_id === "none" ? isNull(tasks.sectionId) : eq(tasks.sectionId, f.section_id));
  if (f.parent_id !== undefined) conds.push(f.parent_id === "none" ? isNull(tasks.parentId) : eq(tasks.parentId, f.parent_id));
  // Callers fold q first (foldQuery); an unfolded q still matches, without accent folding.
  if (f.q) conds.push(matchWords(f.words ?? f.q.toLowerCase().split(/\s+/).filter(Boolean), f.wordLists));
  return and(...conds)!;
}
