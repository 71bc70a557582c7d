/**
 * What the feed needs beyond the task columns: the user's stored time zone
 * and each task's RRULE (decision 017: the rule has no DTSTART; the task's
 * due date is the series' start).
 */
import type { Db } from "../../db/client.ts";
import { userTimeZone } from "../settings.ts";
import type { TaskRow } from "../tasks/mapping.ts";

/** The zone the user's feed is written in (all-day detection, recurring events' TZID). */
export async function feedTimeZone(db: Db, userId: string): Promise<string> {
  return userTimeZone(db, userId);
}

/**
 * A task's RRULE for the feed, or null for a one-off. A rule that counts from
 * completion (`every!`) has no fixed future dates: it maps to null. COUNT counts
 * completions here, so the feed leaves it out rather than promise wrong dates.
 */
export function feedRrule(row: TaskRow): string | null {
  if (!row.recurrenceRule || row.recurrenceFrom === "completion") return null;
  return row.recurrenceRule
    .split(";")
    .filter((p) => !p.startsWith("COUNT="))
    .join(";");
}
