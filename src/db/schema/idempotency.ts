/**
 * Idempotency keys (`Idempotency-Key` header on creates and bulk writes): the
 * first request with a key stores its answer here; a retry with the same key
 * gets that answer back instead of writing again. Rows expire after 24 h and are
 * swept now and then. `status` is null while the first request is still running.
 */
import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: text("user_id").notNull(),
    key: text("key").notNull(),
    /** sha256 of method, route and body: the same key with another request is refused. */
    requestHash: text("request_hash").notNull(),
    status: integer("status"),
    /** The stored answer: body text and the headers worth replaying (content-type, location). */
    body: text("body"),
    headers: text("headers"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_expires_idx").on(t.expiresAt)],
);
