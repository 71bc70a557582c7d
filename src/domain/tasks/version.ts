/**
 * The user's data version: bumped by triggers on every change to their tasks,
 * lists or sections (the data_versions table, migration perf_indexes). Equal
 * versions mean equal data, so a response's ETag can be derived from it
 * without building the response (decision 023).
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { dataVersions } from "../../db/schema/data-versions.ts";

/** The version as a scalar subquery, to read it in the same snapshot as a page. */
// Raw, aliased SQL in the subqueries: drizzle leaves columns unqualified in a one-table select.
export const versionExpr = (userId: string) => sql<string | number | null>`(select dv.version from data_versions dv where dv.user_id = ${userId})`;

/** 0 for a user who never wrote anything. */
export async function dataVersion(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ v: dataVersions.version }).from(dataVersions).where(eq(dataVersions.userId, userId));
  return row?.v ?? 0;
}

/**
 * What a clock-dependent answer (counts, `overdue`) also depends on besides the
 * data: the earliest due time of an open task that has not passed yet. Until the
 * clock reaches it, no open task becomes overdue (one index range scan).
 */
export const nextDueExpr = (userId: string, now: Date) =>
  sql<string | Date | null>`(select min(n.due_at) from tasks n where n.user_id = ${userId} and not n.completed and n.due_at >= ${now.toISOString()}::timestamptz)`;

/** The version and, with `clock`, the next due time — one round trip, for a conditional request. */
export async function revalidationKey(db: Db, userId: string, now: Date, clock: boolean): Promise<{ version: number; nextDue: string | null }> {
  const rows = (await db.execute<{ v: string | number | null; d: string | Date | null }>(
    sql`select ${versionExpr(userId)} as v, ${clock ? nextDueExpr(userId, now) : sql`null`} as d`,
  )) as { rows: { v: string | number | null; d: string | Date | null }[] };
  const row = rows.rows[0]!;
  return { version: Number(row.v ?? 0), nextDue: isoOf(row.d) };
}

const isoOf = (d: string | Date | null) => (d == null ? null : new Date(d).toISOString());
