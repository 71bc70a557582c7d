/**
 * POST …/tasks/move: puts tasks into a list, a section or under a parent, at a
 * place among their new siblings, in one transaction under the per-user lock.
 * Subtasks travel with their parents; every rule is checked before anything is
 * written, so a refused move changes nothing.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { TaskMove } from "../../contracts/list.ts";
import type { Task } from "../../contracts/task.ts";
import type { Db } from "../../db/client.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { invalid, notFound } from "../errors.ts";
import { lockOrganizer, type Tx } from "../lists/lock.ts";
import { getList } from "../lists/service.ts";
import { getSection } from "../lists/sections.ts";
import { toTask, type TaskRow } from "./mapping.ts";
import { placeBlock, writePositions, type Group } from "./positions.ts";
import { checkNesting, descendantsOf } from "./tree.ts";

export async function loadOwned(tx: Tx, userId: string, ids: number[], lock = true): Promise<TaskRow[]> {
  const q = tx.select().from(tasks).where(and(eq(tasks.userId, userId), inArray(tasks.id, ids)));
  const rows = lock ? await q.for("update") : await q;
  if (rows.length !== ids.length) {
    const found = new Set(rows.map((r) => r.id));
    throw Object.assign(notFound("task"), { details: { missing: ids.filter((id) => !found.has(id)) } });
  }
  return rows;
}

async function one(tx: Tx, userId: string, id: number): Promise<TaskRow> {
  const [row] = await tx.select().from(tasks).where(and(eq(tasks.userId, userId), eq(tasks.id, id)));
  if (!row) throw notFound("task");
  return row;
}

const groupOf = (t: TaskRow): Group => ({ listId: t.listId, sectionId: t.sectionId, parentId: t.parentId });
const sameGroup = (a: Group, b: Group) => a.listId === b.listId && a.sectionId === b.sectionId && a.parentId === b.parentId;

/** Where the move puts the tasks, from what the request names (and the anchor for the rest). */
async function destination(tx: Tx, userId: string, m: TaskMove, first: TaskRow, anchor?: TaskRow): Promise<Group> {
  if (m.parent_id != null) {
    const parent = await one(tx, userId, m.parent_id);
    if (m.list_id !== undefined && m.list_id !== parent.listId) {
      throw invalid("parent_in_other_list", "a subtask must be in its parent's list");
    }
    if (m.section_id !== undefined && m.section_id !== parent.sectionId) {
      throw invalid("parent_in_other_section", "a subtask sits in its parent's section");
    }
    return { listId: parent.listId, sectionId: parent.sectionId, parentId: parent.id };
  }
  if (m.list_id === undefined && m.section_id == null && m.parent_id === undefined && anchor) return groupOf(anchor);
  let listId = m.list_id ?? (anchor ? anchor.listId : first.listId);
  if (m.section_id != null) {
    const section = await getSection(tx, userId, m.section_id);
    if (m.list_id !== undefined && section.list_id !== m.list_id) {
      throw invalid("section_in_other_list", "the section belongs to another list");
    }
    listId = section.list_id;
  } else if (m.list_id !== undefined) await getList(tx, userId, m.list_id);
  if (m.list_id === undefined && m.section_id === undefined && m.parent_id === undefined) {
    throw invalid("no_destination", "say where to move: list_id, section_id, parent_id, before_id or after_id");
  }
  return { listId, sectionId: m.section_id ?? null, parentId: null };
}

/** Moves inside an open transaction (bulk edit reuses it); the caller holds the organiser lock. */
export async function moveInTx(tx: Tx, userId: string, m: TaskMove): Promise<Task[]> {
  const rows = await loadOwned(tx, userId, m.ids);
  const anchorId = m.before_id ?? m.after_id;
  if (anchorId !== undefined && m.ids.includes(anchorId)) throw invalid("anchor_is_moved", "before_id/after_id must not be one of the moved tasks");
  const anchor = anchorId !== undefined ? await one(tx, userId, anchorId) : undefined;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const dest = await destination(tx, userId, m, byId.get(m.ids[0]!)!, anchor);
  if (anchor && !sameGroup(groupOf(anchor), dest)) {
    throw invalid("anchor_not_in_destination", "before_id/after_id must be a task where the tasks are moved to");
  }
  if (dest.parentId !== null) await checkNesting(tx, userId, dest.parentId, m.ids);

  const side = m.before_id !== undefined ? "before" : "after";
  const ranks = await placeBlock(tx, userId, dest, m.ids, anchor ? { id: anchor.id, side } : undefined);
  const now = new Date();
  await tx
    .update(tasks)
    .set({ listId: dest.listId, sectionId: dest.sectionId, parentId: dest.parentId, updatedAt: now })
    .where(and(eq(tasks.userId, userId), inArray(tasks.id, m.ids)));
  await writePositions(tx, userId, ranks);
  // Subtasks follow their parents into the new list and section.
  const below = (await descendantsOf(tx, userId, m.ids)).filter((id) => !byId.has(id));
  if (below.length) {
    await tx
      .update(tasks)
      .set({ listId: dest.listId, sectionId: dest.sectionId, updatedAt: now })
      .where(and(eq(tasks.userId, userId), inArray(tasks.id, below), sql`(${tasks.listId}, ${tasks.sectionId}) is distinct from (${dest.listId}::int, ${dest.sectionId}::int)`));
  }
  const moved = await tx.select().from(tasks).where(and(eq(tasks.userId, userId), inArray(tasks.id, m.ids)));
  const order = new Map(m.ids.map((id, i) => [id, i]));
  return moved.map(toTask).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

export async function moveTasks(db: Db, userId: string, m: TaskMove): Promise<Task[]> {
  return db.transaction(async (tx) => {
    await lockOrganizer(tx, userId);
    return moveInTx(tx, userId, m);
  });
}
