/** Snooze, Web Push subscriptions and the email opt-in (`/api/me/…`). */
import { Reminder, ReminderSettingsView, type SnoozeRequest } from "#contracts/reminder.ts";
import { apiJson, apiRequest } from "../../lib/api-client.ts";

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
  apiJson(Reminder, `/api/me/reminders/${encodeURIComponent(id)}/snooze`, { method: "POST", body: snoozeBody(choice) });

export const getReminderSettings = () => apiJson(ReminderSettingsView, "/api/me/reminder-settings");
export const setEmailReminders = (email: boolean) =>
  apiJson(ReminderSettingsView, "/api/me/reminder-settings", { method: "PUT", body: { email } });

export const savePushSubscription = (sub: PushSubscriptionJSON) =>
  apiRequest("/api/me/push-subscriptions", { method: "POST", body: sub });
export const deletePushSubscription = (endpoint: string) =>
  apiRequest("/api/me/push-subscriptions", { method: "DELETE", body: { endpoint } });
