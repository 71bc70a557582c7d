/**
 * What the feed needs to know beyond the task columns on this branch: the
 * user's time zone and each task's RRULE. Both are merge points: the user time
 * zone and the `recurrence` column land with the recurrence work, and these
 * two functions are where the feed reads them (today: UTC, no rules).
 */
import type { Db } from "../../db/client.ts";
import type { TaskRow } from "../tasks/mapping.ts";

/** The zone the user's feed is written in (all-day detection, recurring events' TZID). */
export async function feedTimeZone(_db: Db, _userId: string): Promise<string> {
  return "UTC";
}

/**
 * A task's RRULE for the feed, or null for a one-off. A rule that counts from
 * completion (`every!`) has no fixed future dates: it should map to null too.
 */
export function feedRrule(_row: TaskRow): string | null {
  return null;
}
