/**
 * Keyset pagination. A cursor holds the sort key and id of the last task shown,
 * so pages stay correct while tasks are inserted (no offset drift).
 */
import { sql, type SQL } from "drizzle-orm";
import { TaskCursor } from "../../contracts/cursor.ts";
import type { TaskSort } from "../../contracts/task.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { DomainError } from "../errors.ts";
import type { TaskRow } from "./mapping.ts";
import { relevance } from "./search.ts";

/** What a sort expression may depend on besides the row: the folded search words (relevance). */
export interface SortContext {
  words: string[];
}

export type Order = "asc" | "desc";
type Key = string | number | null;

type Cursor = TaskCursor;

export const DEFAULT_ORDER: Record<TaskSort, Order> = {
  created_at: "desc",
  updated_at: "desc",
  priority: "desc",
  title: "asc",
  due_at: "asc",
  position: "asc",
  relevance: "desc",
};

/** The SQL expression each sort orders by; its value in a cursor is a string or number. */
const SORT_EXPR: Record<Exclude<TaskSort, "relevance">, SQL> = {
  created_at: sql`${tasks.createdAt}`,
  updated_at: sql`${tasks.updatedAt}`,
  priority: sql`${tasks.priority}`,
  title: sql`lower(${tasks.title})`,
  due_at: sql`${tasks.dueAt}`,
  position: sql`${tasks.position}`,
};

export const rankExpr = (ctx: SortContext) => relevance(ctx.words);
const sortExpr = (sort: TaskSort, ctx: SortContext) => (sort === "relevance" ? rankExpr(ctx) : SORT_EXPR[sort]);

/** The columns a cursor is made of: what a page selects besides its JSON. */
export const cursorColumns = {
  id: tasks.id,
  createdAt: tasks.createdAt,
  updatedAt: tasks.updatedAt,
  priority: tasks.priority,
  title: tasks.title,
  dueAt: tasks.dueAt,
  position: tasks.position,
};
type CursorRow = Pick<TaskRow, keyof typeof cursorColumns>;

function keyOf(row: CursorRow, sort: TaskSort, rank: number): Key {
  switch (sort) {
    case "created_at":
      return row.createdAt.toISOString();
    case "updated_at":
      return row.updatedAt.toISOString();
    case "priority":
      return row.priority;
    case "title":
      return row.title.toLowerCase();
    case "due_at":
      return row.dueAt?.toISOString() ?? null;
    case "position":
      return row.position;
    case "relevance":
      return rank;
  }
}

const isNumeric = (s: TaskSort) => s === "priority" || s === "position" || s === "relevance";

const isTime = (s: TaskSort) => s === "created_at" || s === "updated_at" || s === "due_at";

export function encodeCursor(row: CursorRow, sort: TaskSort, order: Order, rank = 0): string {
  const c = { s: sort, o: order, v: keyOf(row, sort, rank), id: row.id };
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

const invalid = () => new DomainError("invalid", "invalid_cursor", "cursor is invalid for this query");

export function decodeCursor(raw: string, sort: TaskSort, order: Order): Cursor {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const c = TaskCursor.safeParse(json);
  if (!c.success || c.data.s !== sort || c.data.o !== order) throw invalid();
  return c.data;
}

const param = (v: Key, sort: TaskSort) => (isTime(sort) ? sql`${v}::timestamptz` : isNumeric(sort) ? sql`${v}::bigint` : sql`${v}`);

/** Rows strictly after the cursor in (sort, id) order; due dates put nulls last either way. */
export function afterCursor(c: Cursor, ctx: SortContext): SQL {
  const expr = sortExpr(c.s, ctx);
  const cmp = c.o === "asc" ? sql`>` : sql`<`;
  if (c.s === "due_at") {
    if (c.v === null) return sql`(${expr} is null and ${tasks.id} ${cmp} ${c.id})`;
    return sql`((${expr}, ${tasks.id}) ${cmp} (${param(c.v, c.s)}, ${c.id}) or ${expr} is null)`;
  }
  return sql`(${expr}, ${tasks.id}) ${cmp} (${param(c.v, c.s)}, ${c.id})`;
}

/**
 * `rankColumn`: the name of an output column holding the relevance, so Postgres
 * sorts by the value it already computed instead of ranking every match twice.
 */
export function orderBy(sort: TaskSort, order: Order, ctx: SortContext = { words: [] }, rankColumn?: string): SQL {
  const dir = order === "asc" ? sql`asc` : sql`desc`;
  const nulls = sort === "due_at" ? sql` nulls last` : sql``;
  const key = sort === "relevance" && rankColumn ? sql.identifier(rankColumn) : sortExpr(sort, ctx);
  return sql`${key} ${dir}${nulls}, ${tasks.id} ${dir}`;
}

