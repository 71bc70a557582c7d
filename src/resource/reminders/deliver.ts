/**
 * Delivers claimed reminders: to open pages (SSE via NOTIFY), to the user's
 * Web Push subscriptions, and by email to users who opted in. Runs after the
 * claim committed, so a reminder is delivered at most once per channel.
 */
import type { ReminderEvent } from "../../contracts/reminder.ts";
import type { Db } from "../../db/client.ts";
import { forgetPushEndpoint, getReminderSettings, pushTargetsOf } from "../../domain/reminders/channels.ts";
import type { ClaimedReminder } from "../../domain/reminders/claim.ts";
import type { Logger } from "../../http/logger.ts";
import type { ReminderEvents } from "../live/reminder-events.ts";
import type { PushSender } from "./web-push.ts";

/** What delivery needs of a mailer (the issuer's, injected by the server: layers hold). */
export interface ReminderMailer {
  send(mail: { to: string; subject: string; text: string }): Promise<void>;
}

export interface DeliveryDeps {
  db: Db;
  events: ReminderEvents;
  push: PushSender | null;
  /** Null unless SMTP_URL is set. */
  mailer: ReminderMailer | null;
  publicUrl: string;
  logger: Logger;
}

export const toEvent = (c: ClaimedReminder): ReminderEvent => ({
  id: c.id,
  task_id: c.taskId,
  title: c.title,
  due_at: c.dueAt,
  fire_at: c.fireAt,
  late: c.outcome === "late",
});

export function createDelivery(d: DeliveryDeps) {
  async function toUser(userId: string, events: ReminderEvent[]) {
    const [targets, settings] = await Promise.all([
      d.push ? pushTargetsOf(d.db, userId) : [],
      d.mailer ? getReminderSettings(d.db, userId) : null,
    ]);
    const jobs: Promise<unknown>[] = [];
    for (const event of events) {
      const payload = JSON.stringify({ type: "reminder", reminder: event, url: `/?task=${event.task_id}` });
      for (const target of targets) {
        jobs.push(
          d.push!.send(target, payload).then(async (outcome) => {
            if (outcome === "gone") await forgetPushEndpoint(d.db, target.endpoint);
            if (outcome === "failed") d.logger.warn("web push failed", { reminder: event.id });
          }),
        );
      }
      if (d.mailer && settings?.email && settings.emailAddress) {
        jobs.push(
          d.mailer.send({
            to: settings.emailAddress,
            subject: `Reminder: ${event.title}`,
            text: `${event.title}\n${event.due_at ? `Due ${event.due_at}\n` : ""}\n${d.publicUrl}/?task=${event.task_id}\n`,
          }),
        );
      }
    }
    for (const r of await Promise.allSettled(jobs)) {
      if (r.status === "rejected")
        d.logger.warn("reminder delivery failed", { error: String((r.reason as Error)?.message ?? r.reason) });
    }
  }

  return async function deliver(claimed: ClaimedReminder[]): Promise<void> {
    const fired = claimed.filter((c) => c.outcome === "sent" || c.outcome === "late");
    if (fired.length === 0) return;
    await d.events.publish(fired.map((c) => ({ userId: c.userId, event: toEvent(c) })));
    const byUser = new Map<string, ReminderEvent[]>();
    for (const c of fired) byUser.set(c.userId, [...(byUser.get(c.userId) ?? []), toEvent(c)]);
    await Promise.all([...byUser].map(([userId, events]) => toUser(userId, events)));
  };
}
