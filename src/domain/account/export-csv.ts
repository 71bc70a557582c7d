/**
 * Tasks as CSV, one row per task with its list and section by name, for
 * spreadsheets. Cells that a spreadsheet would run as a formula (=, +, -, @,
 * tab, CR) get a leading apostrophe (OWASP's CSV injection advice).
 */
import { stringify } from "csv-stringify/sync";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { lists, sections } from "../../db/schema/lists.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { priorityName } from "../tasks/mapping.ts";

export const CSV_COLUMNS = ["id", "title", "description", "list", "section", "parent_id", "priority", "tags", "due_at", "completed", "completed_at", "created_at", "updated_at"] as const;

const inert = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export async function exportTasksCsv(db: Db, userId: string): Promise<string> {
  const rows = await db
    .select({ t: tasks, list: lists.name, section: sections.name })
    .from(tasks)
    .innerJoin(lists, and(eq(lists.userId, tasks.userId), eq(lists.id, tasks.listId)))
    .leftJoin(sections, and(eq(sections.userId, tasks.userId), eq(sections.id, tasks.sectionId)))
    .where(eq(tasks.userId, userId))
    .orderBy(asc(tasks.id));
  const records = rows.map(({ t, list, section }) =>
    [
      String(t.id),
      t.title,
      t.description ?? "",
      list,
      section ?? "",
      t.parentId === null ? "" : String(t.parentId),
      priorityName(t.priority),
      t.tags.join(" "),
      t.dueAt?.toISOString() ?? "",
      String(t.completed),
      t.completedAt?.toISOString() ?? "",
      t.createdAt.toISOString(),
      t.updatedAt.toISOString(),
    ].map(inert),
  );
  // A BOM so spreadsheet apps read it as UTF-8.
  return "\uFEFF" + stringify([[...CSV_COLUMNS], ...records], { record_delimiter: "\r\n" });
}
