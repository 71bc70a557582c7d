/**
 * Removes everything Tickler keeps for a user outside the auth tables. These
 * tables have no foreign key to "user" (a split resource server has no user
 * table), so deletion is explicit — in one transaction, so an account is never
 * left half-deleted.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { calendarFeeds } from "../../db/schema/calendar-feeds.ts";
import { conversations, messages } from "../../db/schema/conversations.ts";
import { idempotencyKeys } from "../../db/schema/idempotency.ts";
import { rowCounts } from "../../db/schema/row-counts.ts";
import { listCounters, lists, sections } from "../../db/schema/lists.ts";
import { deletedAccounts, taskCounters, tasks } from "../../db/schema/tasks.ts";
import { pushSubscriptions, reminderSettings } from "../../db/schema/reminders.ts";
import { userSettings } from "../../db/schema/user-settings.ts";

export interface DeletedCounts {
  tasks: number;
  conversations: number;
  messages: number;
}

export async function deleteAccountData(db: Db, userId: string): Promise<DeletedCounts> {
  return db.transaction(async (tx) => {
    const m = await tx.delete(messages).where(eq(messages.userId, userId)).returning({ id: messages.id });
    const c = await tx.delete(conversations).where(eq(conversations.userId, userId)).returning({ id: conversations.id });
    // Reminders go with their tasks (foreign key); the delivery channels explicitly.
    await tx.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
    await tx.delete(reminderSettings).where(eq(reminderSettings.userId, userId));
    const t = await tx.delete(tasks).where(eq(tasks.userId, userId)).returning({ id: tasks.id });
    await tx.delete(taskCounters).where(eq(taskCounters.userId, userId));
    await tx.delete(rowCounts).where(eq(rowCounts.userId, userId));
    await tx.delete(sections).where(eq(sections.userId, userId));
    await tx.delete(lists).where(eq(lists.userId, userId));
    await tx.delete(listCounters).where(eq(listCounters.userId, userId));
    // The feed URL stops answering with the account.
    await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
    await tx.delete(userSettings).where(eq(userSettings.userId, userId));
    // Stored answers hold task bodies: they go with the account.
    await tx.delete(idempotencyKeys).where(eq(idempotencyKeys.userId, userId));
    // Tokens issued before the deletion stay valid until they expire: creates check this.
    await tx.insert(deletedAccounts).values({ userId }).onConflictDoNothing();
    return { tasks: t.length, conversations: c.length, messages: m.length };
  });
}
