/**
 * How many rows each user stores, per resource ("tasks", "conversations",
 * "messages", …): the per-user row caps read one row here instead of counting.
 * Triggers on the counted tables keep `n` exact on every insert and delete,
 * whatever statement does it (cascades and account deletion included); see
 * the migration that adds them, and `claimRows` in src/domain/quotas.ts.
 */
import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

export const rowCounts = pgTable(
  "row_counts",
  {
    userId: text("user_id").notNull(),
    resource: text("resource").notNull(),
    n: integer("n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.resource] })],
);
