/**
 * Time-zone arithmetic with Intl only (no tz database dependency): the UTC
 * instant of a wall-clock time in an IANA zone, and the bounds of "today".
 */
import { DomainError } from "./errors.ts";

export function assertTimeZone(tz: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return tz;
  } catch {
    throw new DomainError("invalid", "invalid_time_zone", `unknown time zone: ${tz}`);
  }
}

/** Offset of `tz` from UTC at instant `at`, in minutes (e.g. +60 for Paris in winter). */
export function zoneOffsetMinutes(at: Date, tz: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant when the wall clock in `tz` shows the given local date-time. */
export function zonedTimeToUtc(y: number, mo: number, d: number, h: number, mi: number, s: number, tz: string): Date {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  // Two passes settle the offset across DST transitions.
  let t = guess - zoneOffsetMinutes(new Date(guess), tz) * 60_000;
  t = guess - zoneOffsetMinutes(new Date(t), tz) * 60_000;
  return new Date(t);
}

/** Local calendar date (y, m, d) of an instant in `tz`. */
export function localDate(at: Date, tz: string): { y: number; m: number; d: number } {
  const local = new Date(at.getTime() + zoneOffsetMinutes(at, tz) * 60_000);
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() };
}

/** [start, end) of the local day containing `at`. */
export function dayBounds(at: Date, tz: string): { start: Date; end: Date } {
  const { y, m, d } = localDate(at, tz);
  return { start: zonedTimeToUtc(y, m, d, 0, 0, 0, tz), end: zonedTimeToUtc(y, m, d + 1, 0, 0, 0, tz) };
}
