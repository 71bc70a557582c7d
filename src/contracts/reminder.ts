/**
 * Reminders: up to five per task, each at an instant or a number of minutes
 * before the due date (so it follows the due date when that moves). Shared by
 * REST, the assistant's tools and the web app. Imports only zod.
 */
import * as z from "zod";
import { DueAt } from "./instant.ts";

export const REMINDERS_PER_TASK = 5;
/** A year before the due date is the furthest a relative reminder goes (the grammar's bound too). */
export const BEFORE_MINUTES_MAX = 366 * 1440;
export const REMINDER_STATES = ["pending", "sent", "late", "missed", "skipped"] as const;
export const ReminderState = z.enum(REMINDER_STATES);

export const ReminderId = z.uuid("a reminder id is a UUID");
const BeforeMinutes = z
  .number()
  .int("before_minutes is a whole number of minutes")
  .min(0, "before_minutes must not be negative")
  .max(BEFORE_MINUTES_MAX, `before_minutes is at most ${BEFORE_MINUTES_MAX} (a year)`);

/** One reminder as a client writes it; an `id` keeps an existing reminder (its state) across a rewrite. */
export const ReminderInput = z.union([
  z.strictObject({ id: ReminderId.optional(), at: DueAt }),
  z.strictObject({ id: ReminderId.optional(), before_minutes: BeforeMinutes }),
]);
export type ReminderInput = z.input<typeof ReminderInput>;

/** The whole set of a task's reminders: writing it replaces the previous set. */
export const ReminderList = z
  .array(ReminderInput)
  .max(REMINDERS_PER_TASK, `at most ${REMINDERS_PER_TASK} reminders per task`);

export const Reminder = z.object({
  id: z.string(),
  at: z.string().optional(),
  before_minutes: z.number().int().optional(),
  /** When it fires (null: relative to a due date the task does not have). */
  fire_at: z.string().nullable(),
  state: ReminderState,
});
export type Reminder = z.infer<typeof Reminder>;

/** POST …/reminders/{id}/snooze: for a number of minutes, or until an instant. */
export const SnoozeRequest = z.union([
  z.strictObject({
    minutes: z.number().int().min(1, "snooze at least a minute").max(BEFORE_MINUTES_MAX, "snooze at most a year"),
  }),
  z.strictObject({ until: DueAt }),
]);
export type SnoozeRequest = z.input<typeof SnoozeRequest>;

/** The SSE `reminder` event's data, and the Web Push payload. */
export const ReminderEvent = z.object({
  id: z.string(),
  task_id: z.number().int(),
  title: z.string(),
  due_at: z.string().nullable(),
  fire_at: z.string(),
  /** Fired after every server was down past its time, within REMINDER_GRACE. */
  late: z.boolean(),
});
export type ReminderEvent = z.infer<typeof ReminderEvent>;

/** A browser's PushSubscription.toJSON(). */
export const PushSubscriptionInput = z.object({
  endpoint: z.url({ protocol: /^https$/, message: "endpoint must be an https URL" }).max(2000),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    p256dh: z.string().regex(/^[A-Za-z0-9_-]{80,100}={0,2}$/, "keys.p256dh must be a base64url P-256 public key"),
    auth: z.string().regex(/^[A-Za-z0-9_-]{16,24}={0,2}$/, "keys.auth must be a base64url 16-byte secret"),
  }),
});
export type PushSubscriptionInput = z.input<typeof PushSubscriptionInput>;
export const PushSubscriptionDelete = z.strictObject({ endpoint: z.string().max(2000) });

/** Per-user delivery settings (the account page). */
export const ReminderSettings = z.strictObject({ email: z.boolean() });
export type ReminderSettings = z.infer<typeof ReminderSettings>;
export const ReminderSettingsView = ReminderSettings.extend({
  /** Whether this server can send email at all (SMTP_URL is set). */
  email_available: z.boolean(),
});
export type ReminderSettingsView = z.infer<typeof ReminderSettingsView>;
