/**
 * Manual order among siblings (tasks with the same list, section and parent):
 * integer ranks with gaps. A move takes free ranks between its neighbours; when
 * the gap is used up the whole sibling group is renumbered in the same
 * transaction. Callers hold the per-user organiser lock (decision 008).
 */
import { and, asc, desc, eq, isNull, notInArray, sql, type SQL } from "drizzle-orm";
import { tasks } from "../../db/schema/tasks.ts";
import type { Tx } from "../lists/lock.ts";

export const GAP = 1024;

export interface Group {
  listId: number;
  sectionId: number | null;
  parentId: number | null;
}

export function inGroup(userId: string, g: Group): SQL {
  return and(
    eq(tasks.userId, userId),
    eq(tasks.listId, g.listId),
    g.sectionId === null ? isNull(tasks.sectionId) : eq(tasks.sectionId, g.sectionId),
    g.parentId === null ? isNull(tasks.parentId) : eq(tasks.parentId, g.parentId),
  )!;
}

/**
 * The rank after the group's last task. ORDER BY … LIMIT 1 walks the list's position index from the
 * end and stops at the first sibling; a max() over the same filter read every task of the list
 * whenever the table's statistics were stale (decision 027).
 */
export async function appendPosition(tx: Tx, userId: string, g: Group): Promise<number> {
  const [row] = await tx.select({ p: tasks.position }).from(tasks).where(inGroup(userId, g)).orderBy(desc(tasks.position)).limit(1);
  return Number(row?.p ?? 0) + GAP;
}

/** Sets many tasks' ranks in one statement. */
export async function writePositions(tx: Tx, userId: string, ranks: Map<number, number>): Promise<void> {
  if (ranks.size === 0) return;
  const values = sql.join(
    [...ranks].map(([id, p]) => sql`(${id}::int, ${p}::bigint)`),
    sql`, `,
  );
  await tx.execute(
    sql`update ${tasks} set position = v.p from (values ${values}) as v(id, p) where ${tasks.userId} = ${userId} and ${tasks.id} = v.id`,
  );
}

/**
 * Ranks for `moved` (in order) placed into `g` before/after `anchor`, or at the
 * end. Returns the new ranks of the moved tasks, and of any sibling that had to
 * be renumbered.
 */
export async function placeBlock(
  tx: Tx,
  userId: string,
  g: Group,
  moved: number[],
  anchor?: { id: number; side: "before" | "after" },
): Promise<Map<number, number>> {
  const siblings = await tx
    .select({ id: tasks.id, p: tasks.position })
    .from(tasks)
    .where(and(inGroup(userId, g), notInArray(tasks.id, moved)))
    .orderBy(asc(tasks.position), asc(tasks.id));
  let index = siblings.length;
  if (anchor) index = siblings.findIndex((s) => s.id === anchor.id) + (anchor.side === "after" ? 1 : 0);
  const k = moved.length;
  const lo = index > 0 ? siblings[index - 1]!.p : 0;
  const hi = index < siblings.length ? siblings[index]!.p : lo + GAP * (k + 1);
  const ranks = new Map<number, number>();
  if (hi - lo > k) {
    const step = Math.floor((hi - lo) / (k + 1));
    moved.forEach((id, i) => ranks.set(id, lo + step * (i + 1)));
    return ranks;
  }
  // No room: renumber the whole group, the moved block included, in its new order.
  const order = [...siblings.slice(0, index).map((s) => s.id), ...moved, ...siblings.slice(index).map((s) => s.id)];
  const old = new Map(siblings.map((s) => [s.id, s.p]));
  order.forEach((id, i) => {
    const p = GAP * (i + 1);
    if (old.get(id) !== p) ranks.set(id, p);
  });
  for (const id of moved) ranks.set(id, GAP * (order.indexOf(id) + 1));
  return ranks;
}
