/** An instant as every contract takes it (its own file so task.ts and reminder.ts can both use it). */
import * as z from "zod";

/** ISO 8601 with an explicit time zone (`Z` or `±hh:mm`); stored and returned as UTC. */
export const DueAt = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 date-time with a time zone" })
  .transform((s) => new Date(s))
  // Years outside this range are typos, and year 0 does not exist for PostgreSQL.
  .refine((d) => d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 9999, "must be between the years 1900 and 9999")
  .transform((d) => d.toISOString());
