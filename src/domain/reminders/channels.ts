/**
 * Where a user's reminders go besides open pages: Web Push subscriptions and
 * the email opt-in. Every statement is scoped by the verified user.
 */
import { and, eq } from "drizzle-orm";
import type * as z from "zod";
import type { PushSubscriptionInput, ReminderSettings } from "../../contracts/reminder.ts";
import type { Db } from "../../db/client.ts";
import { pushSubscriptions, reminderSettings, vapidKeys } from "../../db/schema/reminders.ts";
import { notFound } from "../errors.ts";

export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** Saves a browser's subscription; an endpoint known for another user moves to this one (same browser, new account). */
export async function savePushSubscription(
  db: Db,
  userId: string,
  sub: z.output<typeof PushSubscriptionInput>,
): Promise<void> {
  const values = { endpoint: sub.endpoint, userId, p256dh: sub.keys.p256dh, auth: sub.keys.auth };
  await db
    .insert(pushSubscriptions)
    .values(values)
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values });
}

export async function deletePushSubscription(db: Db, userId: string, endpoint: string): Promise<void> {
  const rows = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
    .returning({ endpoint: pushSubscriptions.endpoint });
  if (rows.length === 0) throw notFound("push subscription");
}

export async function pushTargetsOf(db: Db, userId: string): Promise<PushTarget[]> {
  const rows = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
  return rows.map((r) => ({ endpoint: r.endpoint, keys: { p256dh: r.p256dh, auth: r.auth } }));
}

/** The push service said the subscription is gone (404/410). */
export async function forgetPushEndpoint(db: Db, endpoint: string): Promise<void> {
  await db.delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint));
}

export async function getReminderSettings(
  db: Db,
  userId: string,
): Promise<{ email: boolean; emailAddress: string | null }> {
  const [row] = await db.select().from(reminderSettings).where(eq(reminderSettings.userId, userId));
  return { email: row?.email ?? false, emailAddress: row?.emailAddress ?? null };
}

export async function setReminderSettings(
  db: Db,
  userId: string,
  s: ReminderSettings,
  emailAddress: string | null,
): Promise<void> {
  const values = { userId, email: s.email, emailAddress };
  await db.insert(reminderSettings).values(values).onConflictDoUpdate({ target: reminderSettings.userId, set: values });
}

/**
 * The server's VAPID keys: the first replica to start stores a pair, every
 * later start (and every other replica) reads the same one back, so browsers'
 * subscriptions stay valid across restarts.
 */
export async function vapidKeyPair(
  db: Db,
  generate: () => { publicKey: string; privateKey: string },
): Promise<{ publicKey: string; privateKey: string }> {
  const [found] = await db.select().from(vapidKeys).where(eq(vapidKeys.id, 1));
  if (found) return found;
  await db
    .insert(vapidKeys)
    .values({ id: 1, ...generate() })
    .onConflictDoNothing();
  const [row] = await db.select().from(vapidKeys).where(eq(vapidKeys.id, 1));
  return row!;
}
