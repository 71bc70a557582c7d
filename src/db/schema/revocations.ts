/**
 * Sessions that ended (sign-out, revoke, password change, account deletion):
 * a JWT carrying one of these `sid`s is refused until it would have expired
 * anyway. A trigger on "session" fills it and NOTIFYs every replica (see the
 * migration that adds it, and src/resource/revocations.ts).
 */
import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sid: text("sid").primaryKey(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("revoked_sessions_revoked_at_idx").on(t.revokedAt)],
);
