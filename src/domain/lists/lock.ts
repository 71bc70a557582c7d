/**
 * The per-user organiser lock, and the Inbox. Every write that numbers lists or
 * sections, or changes task positions, first locks the user's `list_counters`
 * row: such writes of one user run one at a time (on every replica), so ranks
 * computed from the current siblings cannot collide (decision 008).
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { listCounters, lists } from "../../db/schema/lists.ts";
import { deletedAccounts } from "../../db/schema/tasks.ts";
import { accountDeleted } from "../errors.ts";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Locks the user's organiser row until commit and returns the Inbox's id, creating both if needed. */
export async function lockOrganizer(tx: Tx | Db, userId: string): Promise<number> {
  await tx.insert(listCounters).values({ userId }).onConflictDoNothing();
  await tx.select().from(listCounters).where(eq(listCounters.userId, userId)).for("update");
  const [inbox] = await tx.select({ id: lists.id }).from(lists).where(and(eq(lists.userId, userId), eq(lists.isInbox, true)));
  if (inbox) return inbox.id;
  // A deleted account (whose token has not expired yet) gets no Inbox, so nothing can be created.
  const [gone] = await tx.select().from(deletedAccounts).where(eq(deletedAccounts.userId, userId));
  if (gone) throw accountDeleted();
  const id = await nextNumber(tx, userId, "list");
  await tx.insert(lists).values({ userId, id, name: "Inbox", position: 0, isInbox: true });
  return id;
}

/** The next list or section number; call with the organiser lock held. */
export async function nextNumber(tx: Tx | Db, userId: string, kind: "list" | "section"): Promise<number> {
  const col = kind === "list" ? listCounters.lastListId : listCounters.lastSectionId;
  const [row] = await tx
    .update(listCounters)
    .set({ [kind === "list" ? "lastListId" : "lastSectionId"]: sql`${col} + 1` })
    .where(eq(listCounters.userId, userId))
    .returning({ n: col });
  return row!.n;
}

/** The Inbox's id without taking the lock (reads); creates it when missing. */
export async function inboxId(db: Db, userId: string): Promise<number> {
  const [inbox] = await db.select({ id: lists.id }).from(lists).where(and(eq(lists.userId, userId), eq(lists.isInbox, true)));
  return inbox?.id ?? db.transaction((tx) => lockOrganizer(tx, userId));
}
