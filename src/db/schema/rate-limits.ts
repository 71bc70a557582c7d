/**
 * Fixed-window request counters for the rate limiter's database store (used
 * when no REDIS_URL is set). One row per key and window; shared by every
 * process on the database, bumped by one atomic upsert.
 */
import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const rateLimitBuckets = pgTable(
  "rate_limit_buckets",
  {
    key: text("key").primaryKey(),
    count: integer("count").notNull(),
    /** When the current window ends (database clock). */
    resetAt: timestamp("reset_at", { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index("rate_limit_buckets_reset_idx").on(t.resetAt)],
);
