/** Turns the names a model uses (list names, section names, parent title words) into numbers, for the verified user only. */
import { and, eq, sql } from "drizzle-orm";
import type { List } from "../../contracts/list.ts";
import type { ListSummary } from "../../contracts/tool-results.ts";
import { sections } from "../../db/schema/lists.ts";
import { DomainError, invalid } from "../../domain/errors.ts";
import { findList } from "../../domain/lists/service.ts";
import { listTasks } from "../../domain/tasks/service.ts";
import type { ToolContext } from "./define.ts";

export const listSummary = (l: List): ListSummary => ({ id: l.id, name: l.name, color: l.color, is_inbox: l.is_inbox, archived: l.archived });

export const resolveList = (ctx: ToolContext, ref: number | string) => findList(ctx.db, ctx.userId, ref);

export async function resolveSection(ctx: ToolContext, listId: number, name: string): Promise<number> {
  const [row] = await ctx.db
    .select({ id: sections.id })
    .from(sections)
    .where(and(eq(sections.userId, ctx.userId), eq(sections.listId, listId), sql`lower(${sections.name}) = lower(${name.trim()})`));
  if (!row) throw new DomainError("not_found", "not_found", `no section named “${name.trim()}” in that list`);
  return row.id;
}

/** A parent by number, or the one open task whose title matches the words (an exact title wins). */
export async function resolveParent(ctx: ToolContext, ref: number | string): Promise<number> {
  if (typeof ref === "number") return ref;
  const { tasks } = await listTasks(ctx.db, ctx.userId, { q: ref, status: "pending", limit: 10 }, ctx.now());
  const exact = tasks.filter((t) => t.title.toLowerCase() === ref.trim().toLowerCase());
  const pick = exact.length === 1 ? exact : tasks;
  if (pick.length === 1) return pick[0]!.id;
  if (pick.length === 0) throw new DomainError("not_found", "not_found", `no open task matches “${ref}”`);
  const names = pick.slice(0, 5).map((t) => `${t.id} “${t.title}”`).join(", ");
  throw invalid("ambiguous_parent", `several tasks match “${ref}”: ${names}; give the parent's number`);
}
