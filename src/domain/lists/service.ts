/**
 * List operations, scoped by the verified user like tasks: another user's list
 * is simply "not found". The Inbox can be renamed but not deleted or archived.
 */
import { and, asc, count, eq, max, sql } from "drizzle-orm";
import type * as z from "zod";
import { LISTS_MAX, type List, type ListCreate, type ListPatch } from "../../contracts/list.ts";
import type { Db } from "../../db/client.ts";
import { lists, sections } from "../../db/schema/lists.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { conflict, DomainError, invalid, notFound } from "../errors.ts";
import { GAP } from "../tasks/positions.ts";
import { lockOrganizer, nextNumber, type Tx } from "./lock.ts";
import { toList } from "./mapping.ts";

const byId = (userId: string, id: number) => and(eq(lists.userId, userId), eq(lists.id, id));

/** Unique names are checked by the database (a race cannot slip past); this turns its error into a 409. */
async function uniqueName<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const code = (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
    if (code === "23505") throw conflict("list_name_taken", "a list with this name already exists");
    throw err;
  }
}

export async function listLists(db: Db, userId: string, archived?: boolean): Promise<List[]> {
  await lockFreeInbox(db, userId);
  const where = [eq(lists.userId, userId)];
  if (archived !== undefined) where.push(eq(lists.archived, archived));
  const rows = await db.select().from(lists).where(and(...where)).orderBy(asc(lists.position), asc(lists.id));
  return rows.map(toList);
}

/** Reads create the Inbox too, so a new account always shows one. */
async function lockFreeInbox(db: Db, userId: string) {
  const [row] = await db.select({ id: lists.id }).from(lists).where(and(eq(lists.userId, userId), eq(lists.isInbox, true)));
  if (!row) await db.transaction((tx) => lockOrganizer(tx, userId));
}

export async function getList(db: Db | Tx, userId: string, id: number): Promise<List> {
  const [row] = await db.select().from(lists).where(byId(userId, id));
  if (!row) throw notFound("list");
  return toList(row);
}

/** The list by id, or by name case-insensitively (the assistant's `list` argument). */
export async function findList(db: Db, userId: string, ref: number | string): Promise<List> {
  if (typeof ref === "number") return getList(db, userId, ref);
  await lockFreeInbox(db, userId);
  const [row] = await db
    .select()
    .from(lists)
    .where(and(eq(lists.userId, userId), sql`lower(${lists.name}) = lower(${ref.trim()})`));
  if (!row) throw new DomainError("not_found", "not_found", `no list named “${ref.trim()}”`);
  return toList(row);
}

export async function createList(db: Db, userId: string, input: z.output<typeof ListCreate>): Promise<List> {
  return uniqueName(() =>
    db.transaction(async (tx) => {
      await lockOrganizer(tx, userId);
      const [n] = await tx.select({ n: count(), last: max(lists.position) }).from(lists).where(eq(lists.userId, userId));
      if ((n?.n ?? 0) >= LISTS_MAX) throw conflict("list_limit_reached", `at most ${LISTS_MAX} lists per account`);
      const id = await nextNumber(tx, userId, "list");
      const [row] = await tx
        .insert(lists)
        .values({ userId, id, name: input.name, color: input.color ?? "grey", archived: input.archived ?? false, position: Number(n?.last ?? 0) + GAP })
        .returning();
      return toList(row!);
    }),
  );
}

export async function updateList(db: Db, userId: string, id: number, patch: z.output<typeof ListPatch>): Promise<List> {
  return uniqueName(() =>
    db.transaction(async (tx) => {
      const list = await getList(tx, userId, id);
      if (list.is_inbox && patch.archived) throw invalid("inbox_protected", "the Inbox cannot be archived");
      const [row] = await tx
        .update(lists)
        .set({ ...patch, updatedAt: new Date() })
        .where(byId(userId, id))
        .returning();
      return toList(row!);
    }),
  );
}

/**
 * Deletes a list with its sections. Its tasks go to the Inbox (`move`, after the
 * Inbox's own, keeping their order and nesting) or are deleted; with neither a
 * non-empty list is a 409 and nothing changes.
 */
export async function deleteList(db: Db, userId: string, id: number, tasksMode?: "move" | "delete"): Promise<{ moved: number; deleted: number }> {
  return db.transaction(async (tx) => {
    const inbox = await lockOrganizer(tx, userId);
    const list = await getList(tx, userId, id);
    if (list.is_inbox) throw invalid("inbox_protected", "the Inbox cannot be deleted");
    const inList = and(eq(tasks.userId, userId), eq(tasks.listId, id));
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(tasks).where(inList);
    let moved = 0;
    let deleted = 0;
    if (n > 0 && !tasksMode) throw conflict("list_not_empty", "the list has tasks: delete with ?tasks=move (to the Inbox) or ?tasks=delete");
    if (n > 0 && tasksMode === "delete") deleted = (await tx.delete(tasks).where(inList).returning({ id: tasks.id })).length;
    if (n > 0 && tasksMode === "move") {
      // Top-level tasks go after the Inbox's; subtasks keep their parents and ranks.
      const [last] = await tx.select({ p: max(tasks.position) }).from(tasks).where(and(eq(tasks.userId, userId), eq(tasks.listId, inbox)));
      const base = Number(last?.p ?? 0);
      const rows = await tx
        .update(tasks)
        .set({ listId: inbox, sectionId: null, position: sql`case when ${tasks.parentId} is null then ${base} + ${tasks.position} else ${tasks.position} end`, updatedAt: new Date() })
        .where(inList)
        .returning({ id: tasks.id });
      moved = rows.length;
    }
    await tx.delete(sections).where(and(eq(sections.userId, userId), eq(sections.listId, id)));
    await tx.delete(lists).where(byId(userId, id));
    return { moved, deleted };
  });
}
