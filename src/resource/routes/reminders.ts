/**
 * `/api/{user_id}/reminders/{id}/snooze`, `/api/{user_id}/push-subscriptions`
 * and `/api/{user_id}/reminder-settings`: thin handlers over the reminder domain.
 */
import { Hono } from "hono";
import {
  PushSubscriptionDelete,
  PushSubscriptionInput,
  Reminder,
  ReminderId,
  ReminderSettings,
  ReminderSettingsView,
  SnoozeRequest,
} from "../../contracts/reminder.ts";
import type { Db } from "../../db/client.ts";
import {
  deletePushSubscription,
  getReminderSettings,
  savePushSubscription,
  setReminderSettings,
} from "../../domain/reminders/channels.ts";
import { snoozeReminder } from "../../domain/reminders/service.ts";
import { docs } from "../../http/openapi.ts";
import type { AuthEnv } from "../require-user.ts";
import { jsonBody, parseWith } from "../validate.ts";

export interface ReminderRouteDeps {
  db: Db;
  /** Whether email reminders can be sent (SMTP_URL is set). */
  emailAvailable: boolean;
  onChange: (userId: string) => void;
}

const doc = docs("Reminders");

export function snoozeRoutes({ db, onChange }: ReminderRouteDeps) {
  const app = new Hono<AuthEnv>();
  app.post("/:id/snooze", doc({ summary: "Snooze a reminder (for some minutes, or until an instant)", description: "It fires again then, whatever its state was.", params: { id: ReminderId }, body: SnoozeRequest, responses: { 200: Reminder }, errors: [404, 429] }), async (c) => {
    const id = parseWith(ReminderId, c.req.param("id"), "reminder id");
    const body = await jsonBody(c, SnoozeRequest);
    const reminder = await snoozeReminder(db, c.var.user.id, id, body);
    onChange(c.var.user.id); // wakes the pollers for the new fire time
    return c.json(reminder);
  });
  return app;
}

export function pushSubscriptionRoutes({ db }: ReminderRouteDeps) {
  const app = new Hono<AuthEnv>();
  app.post("/", doc({ summary: "Register this browser for Web Push reminders", description: "The body is the browser's `PushSubscription.toJSON()`; the server's key is `vapidPublicKey` in GET /api/config.", body: PushSubscriptionInput, responses: { 204: null }, errors: [429] }), async (c) => {
    await savePushSubscription(db, c.var.user.id, await jsonBody(c, PushSubscriptionInput));
    return c.body(null, 204);
  });
  app.delete("/", doc({ summary: "Stop Web Push reminders to this browser", body: PushSubscriptionDelete, responses: { 204: null }, errors: [404, 429] }), async (c) => {
    const { endpoint } = await jsonBody(c, PushSubscriptionDelete);
    await deletePushSubscription(db, c.var.user.id, endpoint);
    return c.body(null, 204);
  });
  return app;
}

export function reminderSettingsRoutes({ db, emailAvailable }: ReminderRouteDeps) {
  const app = new Hono<AuthEnv>();
  const view = async (userId: string): Promise<ReminderSettingsView> => ({
    email: (await getReminderSettings(db, userId)).email,
    email_available: emailAvailable,
  });
  app.get("/", doc({ summary: "Reminder delivery settings (email opt-in)", responses: { 200: ReminderSettingsView } }), async (c) => c.json(await view(c.var.user.id)));
  app.put("/", doc({ summary: "Change reminder delivery settings", description: "Email goes to the token's address, taken when you opt in.", body: ReminderSettings, responses: { 200: ReminderSettingsView }, errors: [429] }), async (c) => {
    const body = await jsonBody(c, ReminderSettings);
    // The address is the verified token's, taken when the user opts in.
    await setReminderSettings(db, c.var.user.id, body, c.var.user.email ?? null);
    return c.json(await view(c.var.user.id));
  });
  return app;
}
