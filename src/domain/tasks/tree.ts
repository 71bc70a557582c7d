/**
 * Subtask trees: ancestors, subtree heights and descendants, each one
 * recursive query bounded by the depth limit (so even a corrupt row could not
 * make it loop).
 */
import { sql } from "drizzle-orm";
import { SUBTASK_DEPTH_MAX } from "../../contracts/list.ts";
import type { Db } from "../../db/client.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { invalid } from "../errors.ts";
import type { Tx } from "../lists/lock.ts";

const BOUND = SUBTASK_DEPTH_MAX + 2;
type Runner = Tx | Db;

const rowsOf = <T>(r: unknown) => ((r as { rows: T[] }).rows ?? (r as T[]));
const intArray = (ids: number[]) => sql`array[${sql.join(ids.map((i) => sql`${i}::int`), sql`, `)}]::int[]`;

/** `id` and its ancestors, nearest first. */
export async function ancestorsOf(db: Runner, userId: string, id: number): Promise<number[]> {
  const r = await db.execute(sql`
    with recursive up(id, parent_id, d) as (
      select id, parent_id, 0 from ${tasks} where user_id = ${userId} and id = ${id}
      union all
      select t.id, t.parent_id, up.d + 1 from ${tasks} t join up on t.id = up.parent_id and t.user_id = ${userId} where up.d < ${BOUND}
    ) select id from up order by d`);
  return rowsOf<{ id: number }>(r).map((x) => Number(x.id));
}

/** The deepest level of subtasks under any of `ids` (0: none have subtasks). */
export async function subtreeHeight(db: Runner, userId: string, ids: number[]): Promise<number> {
  const r = await db.execute(sql`
    with recursive down(id, h) as (
      select id, 1 from ${tasks} where user_id = ${userId} and parent_id = any(${intArray(ids)})
      union all
      select t.id, down.h + 1 from ${tasks} t join down on t.parent_id = down.id and t.user_id = ${userId} where down.h < ${BOUND}
    ) select coalesce(max(h), 0) as h from down`);
  return Number(rowsOf<{ h: number }>(r)[0]?.h ?? 0);
}

/** Every task under any of `ids`, at any depth (not `ids` themselves). */
export async function descendantsOf(db: Runner, userId: string, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const r = await db.execute(sql`
    with recursive down(id, h) as (
      select id, 1 from ${tasks} where user_id = ${userId} and parent_id = any(${intArray(ids)})
      union all
      select t.id, down.h + 1 from ${tasks} t join down on t.parent_id = down.id and t.user_id = ${userId} where down.h < ${BOUND}
    ) select distinct id from down`);
  return rowsOf<{ id: number }>(r).map((x) => Number(x.id));
}

/** Refuses to put `moved` under `parentId` when that makes a cycle or goes deeper than the limit. */
export async function checkNesting(db: Runner, userId: string, parentId: number, moved: number[]): Promise<void> {
  const chain = await ancestorsOf(db, userId, parentId);
  if (moved.some((id) => chain.includes(id))) {
    throw invalid("subtask_cycle", "a task cannot go under itself or one of its own subtasks");
  }
  // chain.length - 1 is the parent's level (0 = top level); the moved task sits one below it.
  const deepest = chain.length + (await subtreeHeight(db, userId, moved));
  if (deepest > SUBTASK_DEPTH_MAX) {
    throw invalid("subtask_too_deep", `subtasks go at most ${SUBTASK_DEPTH_MAX} levels deep`);
  }
}
