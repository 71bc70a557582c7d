/**
 * Wall-clock arithmetic in an IANA time zone with nothing but Intl: no tz
 * database dependency, and nothing depends on the host's TZ. Used by the task
 * domain ("today"), the tools (dates in the user's zone) and the offline model.
 */
import { DomainError } from "./errors.ts";

export interface Wall {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `instant`. */
export function wallAt(instant: Date, timeZone: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The wall clock read as if it were UTC: handy for day arithmetic. */
export function wallToUtcMs(w: Wall): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** Minutes east of UTC for `timeZone` at `instant` (Paris in winter: 60). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallToUtcMs(wallAt(new Date(whole), timeZone)) - whole) / 60000);
}

/**
 * The instant a wall clock denotes in `timeZone`. Two passes settle DST
 * transitions; a wall time skipped by DST lands one hour later, like most apps do
 * (of the two candidates neither shows that wall time, and the later one is it
 * read with the offset before the switch, east and west of Greenwich alike).
 */
export function wallToInstant(w: Wall, timeZone: string): Date {
  const asUtc = wallToUtcMs(w);
  const first = asUtc - offsetMinutes(new Date(asUtc), timeZone) * 60000;
  const second = asUtc - offsetMinutes(new Date(first), timeZone) * 60000;
  if (wallToUtcMs(wallAt(new Date(second), timeZone)) === asUtc) return new Date(second);
  return new Date(Math.max(first, second));
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

/** ISO 8601 with the zone's offset, e.g. `2026-11-29T09:00:00-05:00` (`Z` when the offset is 0). */
export function toZonedIso(instant: Date, timeZone: string): string {
  const w = wallAt(instant, timeZone);
  const off = offsetMinutes(instant, timeZone);
  const zone = off === 0 ? "Z" : `${off < 0 ? "-" : "+"}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`;
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${zone}`;
}

/** The calendar date `days` after the wall's date (time of day kept). */
export function addDays(w: Wall, days: number): Wall {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return { ...w, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, for the wall's calendar date. */
export function weekdayOf(w: Wall): number {
  return new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
}

/** Whole calendar days from `a` to `b` (dates only). */
export function daysBetween(a: Wall, b: Wall): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86400000);
}

export function assertTimeZone(tz: string): string {
  try {
    formatter(tz);
    return tz;
  } catch {
    throw new DomainError("invalid", "invalid_time_zone", `unknown time zone: ${tz}`);
  }
}

/** [start, end) of the local calendar day containing `at` in `timeZone`. */
export function dayBounds(at: Date, timeZone: string): { start: Date; end: Date } {
  const midnight = { ...wallAt(at, timeZone), hour: 0, minute: 0, second: 0 };
  return { start: wallToInstant(midnight, timeZone), end: wallToInstant(addDays(midnight, 1), timeZone) };
}
