/** Sections inside a list: named headings that group a list's top-level tasks. */
import { and, asc, count, eq, isNull, max, min, sql } from "drizzle-orm";
import { SECTIONS_PER_LIST_MAX, type Section } from "../../contracts/list.ts";
import type { Db } from "../../db/client.ts";
import { sections } from "../../db/schema/lists.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { conflict, notFound } from "../errors.ts";
import { GAP } from "../tasks/positions.ts";
import { lockOrganizer, nextNumber, type Tx } from "./lock.ts";
import { toSection } from "./mapping.ts";
import { getList } from "./service.ts";

const byId = (userId: string, id: number) => and(eq(sections.userId, userId), eq(sections.id, id));

export async function getSection(db: Db | Tx, userId: string, id: number): Promise<Section> {
  const [row] = await db.select().from(sections).where(byId(userId, id));
  if (!row) throw notFound("section");
  return toSection(row);
}

export async function listSections(db: Db, userId: string, listId: number): Promise<Section[]> {
  await getList(db, userId, listId);
  const rows = await db
    .select()
    .from(sections)
    .where(and(eq(sections.userId, userId), eq(sections.listId, listId)))
    .orderBy(asc(sections.position), asc(sections.id));
  return rows.map(toSection);
}

export async function createSection(db: Db, userId: string, listId: number, name: string): Promise<Section> {
  return db.transaction(async (tx) => {
    await lockOrganizer(tx, userId);
    await getList(tx, userId, listId);
    const inList = and(eq(sections.userId, userId), eq(sections.listId, listId));
    const [n] = await tx.select({ n: count(), last: max(sections.position) }).from(sections).where(inList);
    if ((n?.n ?? 0) >= SECTIONS_PER_LIST_MAX) throw conflict("section_limit_reached", `at most ${SECTIONS_PER_LIST_MAX} sections per list`);
    const id = await nextNumber(tx, userId, "section");
    const [row] = await tx.insert(sections).values({ userId, id, listId, name, position: Number(n?.last ?? 0) + GAP }).returning();
    return toSection(row!);
  });
}

export async function updateSection(db: Db, userId: string, id: number, patch: { name?: string | undefined; position?: number | undefined }): Promise<Section> {
  const [row] = await db
    .update(sections)
    .set({ ...patch, updatedAt: new Date() })
    .where(byId(userId, id))
    .returning();
  if (!row) throw notFound("section");
  return toSection(row);
}

/** Deletes a section; its tasks move to the top of the list (before the list's unsectioned tasks, in order). */
export async function deleteSection(db: Db, userId: string, id: number): Promise<Section> {
  return db.transaction(async (tx) => {
    await lockOrganizer(tx, userId);
    const section = await getSection(tx, userId, id);
    const top = and(eq(tasks.userId, userId), eq(tasks.listId, section.list_id), isNull(tasks.sectionId), isNull(tasks.parentId));
    const [first] = await tx.select({ p: min(tasks.position) }).from(tasks).where(top);
    const inSection = and(eq(tasks.userId, userId), eq(tasks.sectionId, id));
    const [last] = await tx.select({ p: max(tasks.position) }).from(tasks).where(and(inSection, isNull(tasks.parentId)));
    // Shift the list's top-level tasks down past the section's, so the section's tasks lead.
    const shift = Number(last?.p ?? 0);
    if (first?.p != null && shift > 0) await tx.update(tasks).set({ position: sql`${tasks.position} + ${shift}` }).where(top);
    await tx.update(tasks).set({ sectionId: null, updatedAt: new Date() }).where(inSection);
    await tx.delete(sections).where(byId(userId, id));
    return section;
  });
}
