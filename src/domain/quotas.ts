/**
 * Per-user caps on stored rows, for every surface at once: the domain claims
 * room inside the transaction that inserts, so REST, chat, MCP and ChatKit
 * share the cap. The count is `row_counts.n`, which triggers keep exact.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { rowCounts } from "../db/schema/row-counts.ts";
import { DomainError } from "./errors.ts";

/** The most rows one user may store, per resource (from config: ROW_LIMIT_*). */
export interface RowLimits {
  tasks: number;
  conversations: number;
  messages: number;
}

export const quotaExceeded = (resource: string, limit: number) =>
  new DomainError("forbidden", "quota_exceeded", `you can store at most ${limit} ${resource}; delete some first`, { resource, limit });

/**
 * Refuses (`quota_exceeded`) when the user's `resource` rows plus `adding`
 * would pass `limit`. Call it inside the inserting transaction: the upsert
 * locks the user's count row until commit, so two racing inserts at the cap
 * cannot both pass — the second reads the count after the first committed.
 */
export async function claimRows(tx: Pick<Db, "insert">, userId: string, resource: string, limit: number, adding = 1): Promise<void> {
  const [row] = await tx
    .insert(rowCounts)
    .values({ userId, resource, n: 0 })
    .onConflictDoUpdate({ target: [rowCounts.userId, rowCounts.resource], set: { n: sql`${rowCounts.n}` } })
    .returning({ n: rowCounts.n });
  if (row!.n + adding > limit) throw quotaExceeded(resource, limit);
}
