/** Converts list and section rows to their contracts. */
import type { List, Section } from "../../contracts/list.ts";
import type { lists, sections } from "../../db/schema/lists.ts";

export type ListRow = typeof lists.$inferSelect;
export type SectionRow = typeof sections.$inferSelect;

export const toList = (r: ListRow): List => ({
  id: r.id,
  name: r.name,
  color: r.color as List["color"],
  position: r.position,
  is_inbox: r.isInbox,
  archived: r.archived,
  created_at: r.createdAt.toISOString(),
  updated_at: r.updatedAt.toISOString(),
});

export const toSection = (r: SectionRow): Section => ({
  id: r.id,
  list_id: r.listId,
  name: r.name,
  position: r.position,
  created_at: r.createdAt.toISOString(),
  updated_at: r.updatedAt.toISOString(),
});
