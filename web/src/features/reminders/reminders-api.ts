/** Snooze, Web Push subscriptions and the email opt-in (`/api/me/…`). */
import type { SnoozeRequest } from "#contracts/reminder.ts";
import { api } from "../../lib/api.ts";
import { endpoints } from "../../lib/endpoints.ts";

export type SnoozeChoice = "10m" | "1h" | "tomorrow";

/** Tomorrow at 9:00 in the browser's zone (the account's zone arrives with the time-zone work). */
export function tomorrowMorning(now = new Date()): Date {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return d;
}

export const snoozeBody = (choice: SnoozeChoice, now = new Date()): SnoozeRequest =>
  choice === "10m"
    ? { minutes: 10 }
    : choice === "1h"
      ? { minutes: 60 }
      : { until: tomorrowMorning(now).toISOString() };

export const snoozeReminder = (id: string, choice: SnoozeChoice) =>
  api(endpoints.snoozeReminder, { params: { id }, body: snoozeBody(choice) });

export const getReminderSettings = () => api(endpoints.reminderSettings);
export const setEmailReminders = (email: boolean) => api(endpoints.setReminderSettings, { body: { email } });

/** The browser's `toJSON()` types every field optional; the server checks what it gets. */
export const savePushSubscription = (sub: PushSubscriptionJSON) =>
  api(endpoints.savePushSubscription, {
    body: {
      endpoint: sub.endpoint ?? "",
      expirationTime: sub.expirationTime ?? null,
      keys: { p256dh: sub.keys?.p256dh ?? "", auth: sub.keys?.auth ?? "" },
    },
  });
export const deletePushSubscription = (endpoint: string) =>
  api(endpoints.deletePushSubscription, { body: { endpoint } });
