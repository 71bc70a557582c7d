/**
 * Per-user settings the resource server needs when no browser is asking: the
 * time zone "9am", "tomorrow" and "every day" are meant in. Keyed by the
 * token's subject, no foreign key to "user" (a split resource server has no
 * user table); a user without a row is in UTC.
 */
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const userSettings = pgTable("user_settings", {
  userId: text("user_id").primaryKey(),
  /** IANA name, checked with Intl on write. */
  timeZone: text("time_zone").notNull().default("UTC"),
  updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
