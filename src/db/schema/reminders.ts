/**
 * Reminders and their delivery channels. A reminder is a row with a fire time:
 * any replica claims due rows (FOR UPDATE SKIP LOCKED) and delivers them, so a
 * reminder fires once however many replicas run and survives restarts
 * (decision 018). Rows go with their task (foreign key, cascade).
 */
import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, integer, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tasks } from "./tasks.ts";

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const reminders = pgTable(
  "reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id").notNull(),
    taskId: integer("task_id").notNull(),
    /** Exactly one of `at` and `before_minutes` is set (check constraint in the migration). */
    at: instant("at"),
    beforeMinutes: integer("before_minutes"),
    /** When it fires: `at`, or the due date minus `before_minutes`; null while a relative one has no due date. */
    fireAt: instant("fire_at"),
    /** pending → sent | late | missed | skipped (task already done when it came due). */
    state: text("state").notNull().default("pending"),
    /** When a replica claimed it (the delivery log). */
    firedAt: instant("fired_at"),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.userId, t.taskId],
      foreignColumns: [tasks.userId, tasks.id],
      name: "reminders_task_fk",
    }).onDelete("cascade"),
    index("reminders_task_idx").on(t.userId, t.taskId),
    // What the poller scans: only pending rows with a fire time.
    index("reminders_due_idx")
      .on(t.fireAt)
      .where(sql`state = 'pending' and fire_at is not null`),
  ],
);

/** Browsers' Web Push subscriptions; a push service's 404/410 deletes one. */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    endpoint: text("endpoint").primaryKey(),
    userId: text("user_id").notNull(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [index("push_subscriptions_user_idx").on(t.userId)],
);

/** Per-user delivery settings; the email address is the verified token's at opt-in. */
export const reminderSettings = pgTable("reminder_settings", {
  userId: text("user_id").primaryKey(),
  email: boolean("email").notNull().default(false),
  emailAddress: text("email_address"),
});

/** The server's VAPID key pair: one row, made once by whichever replica starts first. */
export const vapidKeys = pgTable("vapid_keys", {
  id: smallint("id").primaryKey(),
  publicKey: text("public_key").notNull(),
  privateKey: text("private_key").notNull(),
  createdAt: instant("created_at").notNull().defaultNow(),
});
