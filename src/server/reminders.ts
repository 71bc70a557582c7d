/**
 * Starts this replica's share of reminders: the VAPID keys (made once, kept in
 * the database), the delivery channels and the poller. The mailer comes from
 * the issuer through the resource layer's small `ReminderMailer` port.
 */
import type { Agent } from "node:https";
import type { Config } from "../config/env.ts";
import type { Database } from "../db/client.ts";
import { vapidKeyPair } from "../domain/reminders/channels.ts";
import type { Logger } from "../http/logger.ts";
import type { Mailer } from "../issuer/mailer.ts";
import type { ReminderEvents } from "../resource/live/reminder-events.ts";
import { createDelivery } from "../resource/reminders/deliver.ts";
import { startReminderScheduler } from "../resource/reminders/scheduler.ts";
import { createPushSender, generateVapidKeys, vapidSubject } from "../resource/reminders/web-push.ts";

export interface RemindersDeps {
  config: Config;
  database: Database;
  events: ReminderEvents;
  mailer: Mailer;
  logger: Logger;
  pushAgent?: Agent | undefined;
}

export async function startReminders({ config, database, events, mailer, logger, pushAgent }: RemindersDeps) {
  const keys = await vapidKeyPair(database.db, generateVapidKeys);
  const push = createPushSender({
    ...keys,
    subject: config.VAPID_SUBJECT ?? vapidSubject(config.publicUrl, config.MAIL_FROM),
    agent: pushAgent,
    // A push older than the grace would announce a reminder that counts as missed.
    ttlSeconds: Math.max(60, Math.round(config.REMINDER_GRACE / 1000)),
  });
  const deliver = createDelivery({
    db: database.db,
    events,
    push,
    mailer: mailer.kind === "smtp" ? mailer : null,
    publicUrl: config.publicUrl,
    logger,
  });
  const scheduler = await startReminderScheduler({
    database,
    deliver,
    graceMs: config.REMINDER_GRACE,
    pollMs: config.REMINDER_POLL_SECONDS * 1000,
    logger,
  });
  let stopping: Promise<void> | undefined;
  return { vapidPublicKey: keys.publicKey, scheduler, stop: () => (stopping ??= scheduler.stop()) };
}
