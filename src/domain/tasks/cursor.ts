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

export type Order = "asc" | "desc";
type Key = string | number | null;
type Cursor = TaskCursor;

export const DEFAULT_ORDER: Record<TaskSort, Order> = {
  created_at: "desc",
  updated_at: "desc",
  priority: "desc",
  title: "asc",
  due_at: "asc",
};

/** The SQL expression each sort orders by; its value in a cursor is a string or number. */
const SORT_EXPR: Record<TaskSort, SQL> = {
  created_at: sql`${tasks.createdAt}`,
  updated_at: sql`${tasks.updatedAt}`,
  priority: sql`${tasks.priority}`,
  title: sql`lower(${tasks.title})`,
  due_at: sql`${tasks.dueAt}`,
};

function keyOf(row: TaskRow, sort: TaskSort): Key {
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
  }
}

const isTime = (s: TaskSort) => s === "created_at" || s === "updated_at" || s === "due_at";

export function encodeCursor(row: TaskRow, sort: TaskSort, order: Order): string {
  const c = { s: sort, o: order, v: keyOf(row, sort), id: row.id };
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

const param = (v: Key, sort: TaskSort) => (isTime(sort) ? sql`${v}::timestamptz` : sql`${v}`);

/** Rows strictly after the cursor in (sort, id) order; due dates put nulls last either way. */
export function afterCursor(c: Cursor): SQL {
  const expr = SORT_EXPR[c.s];
  const cmp = c.o === "asc" ? sql`>` : sql`<`;
  if (c.s === "due_at") {
    if (c.v === null) return sql`(${expr} is null and ${tasks.id} ${cmp} ${c.id})`;
    return sql`((${expr}, ${tasks.id}) ${cmp} (${param(c.v, c.s)}, ${c.id}) or ${expr} is null)`;
  }
  return sql`(${expr}, ${tasks.id}) ${cmp} (${param(c.v, c.s)}, ${c.id})`;
}

export function orderBy(sort: TaskSort, order: Order): SQL {
  const dir = order === "asc" ? sql`asc` : sql`desc`;
  const nulls = sort === "due_at" ? sql` nulls last` : sql``;
  return sql`${SORT_EXPR[sort]} ${dir}${nulls}, ${tasks.id} ${dir}`;
}

