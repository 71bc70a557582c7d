/**
 * Each user's secret iCalendar feed (`/cal/<token>.ics`). Only the SHA-256 of
 * the token is kept: a leaked database does not leak subscribable URLs. One
 * feed per user; regenerating replaces the hash, revoking deletes the row.
 */
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const calendarFeeds = pgTable("calendar_feeds", {
  userId: text("user_id").primaryKey(),
  /** Hex SHA-256 of the token; unique, so a lookup by hash finds one user. */
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
