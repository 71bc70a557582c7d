/**
 * Dates in the user's words and back.
 *
 * Decision: a date without a time ("on Friday", "due Dec 1", "tomorrow") means
 * the END of that day in the user's zone (23:59:59 local). That is what the tool
 * contract already says about date-only `due_at` values, so the offline model,
 * the REST API and a real LLM agree; and a task due "Friday" is not overdue
 * until Friday is over. Replies print such dates without a time.
 */
import * as chrono from "chrono-node";
import type { Clock } from "./clock.ts";
import { addDays, daysBetween, toZonedIso, wallAt, wallToInstant, weekdayOf, type Wall } from "../../../domain/time.ts";

export interface DateMatch {
  /** ISO 8601 with the user's offset. */
  iso: string;
  hasTime: boolean;
  /** Where the phrase sits in the text, so callers can cut it out of a title. */
  index: number;
  text: string;
}

const RELATIVE =
  /\d|today|tomorrow|tonight|yesterday|next|this|in |week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday|noon|midnight|morning|afternoon|evening|end of/i;
const CONNECTOR = /\b(?:due|by|on|at|for|before|until|till|from)\s*$/i;
const DAY_PART = /morning|afternoon|evening|tonight|night|noon|midnight/i;

/**
 * Finds the first plausible date phrase. chrono is given the user's wall clock
 * as a host-local time (its best-tested mode; its `timezone` option gave
 * host-dependent weekdays), and we only read back calendar components and build
 * the instant in the user's zone ourselves, so results do not depend on the host TZ.
 */
export function findDate(text: string, clock: Clock): DateMatch | null {
  const nowWall = wallAt(clock.now, clock.timeZone);
  const ref = new Date(nowWall.year, nowWall.month - 1, nowWall.day, nowWall.hour, nowWall.minute, nowWall.second);
  for (const r of chrono.parse(text, ref, { forwardDate: true })) {
    // A bare month or weekday abbreviation inside a title ("Plan May trip", "Sat exam") is not a date.
    const before = text.slice(0, r.index);
    if (!RELATIVE.test(r.text) && !CONNECTOR.test(before)) continue;
    // Recurrence ("every morning") is not supported: keep it in the title rather than guess one date.
    if (/\bevery\s*$/i.test(before)) continue;
    const s = r.start;
    const hasTime = s.isCertain("hour") || DAY_PART.test(r.text);
    const wall: Wall = {
      year: s.get("year") ?? nowWall.year,
      month: s.get("month") ?? nowWall.month,
      day: s.get("day") ?? nowWall.day,
      hour: hasTime ? (s.get("hour") ?? 9) : 23,
      minute: hasTime ? (s.get("minute") ?? 0) : 59,
      second: hasTime ? 0 : 59,
    };
    return { iso: toZonedIso(wallToInstant(wall, clock.timeZone), clock.timeZone), hasTime, index: r.index, text: r.text };
  }
  return dayOfMonth(text, clock, nowWall);
}

/** chrono skips a bare "the 10th": the next such day (this month, or next month once it has passed), end of day. */
function dayOfMonth(text: string, clock: Clock, now: Wall): DateMatch | null {
  const m = /\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b/i.exec(text);
  const day = Number(m?.[1]);
  if (!m || day < 1 || day > 31) return null;
  let { year, month } = now;
  if (day < now.day) [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  const wall: Wall = { year, month, day, hour: 23, minute: 59, second: 59 };
  return { iso: toZonedIso(wallToInstant(wall, clock.timeZone), clock.timeZone), hasTime: false, index: m.index, text: m[0] };
}

export interface Range {
  due_after?: string;
  due_before?: string;
}

const midnight = (w: Wall): Wall => ({ ...w, hour: 0, minute: 0, second: 0 });

/** [start of day +from, start of day +to) in the user's zone, as ISO with offset. */
export function dayRange(clock: Clock, from: number, to: number): Range {
  const today = midnight(wallAt(clock.now, clock.timeZone));
  return {
    due_after: toZonedIso(wallToInstant(addDays(today, from), clock.timeZone), clock.timeZone),
    due_before: toZonedIso(wallToInstant(addDays(today, to), clock.timeZone), clock.timeZone),
  };
}

/** Weeks start on Monday: "this week" is today up to next Monday, "next week" the seven days after. */
export function weekRange(clock: Clock, which: "this" | "next"): Range {
  const today = wallAt(clock.now, clock.timeZone);
  const toMonday = ((8 - weekdayOf(today)) % 7) || 7;
  return which === "this" ? dayRange(clock, 0, toMonday) : dayRange(clock, toMonday, toMonday + 7);
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function timeOfDay(w: Wall): string {
  const h = w.hour % 12 === 0 ? 12 : w.hour % 12;
  return `${h}:${String(w.minute).padStart(2, "0")} ${w.hour < 12 ? "AM" : "PM"}`;
}

/** "today at 9:00 AM", "tomorrow", "Friday, Dec 4", "Jan 3, 2027" — relative to the clock. */
export function describeDate(iso: string, clock: Clock): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const w = wallAt(instant, clock.timeZone);
  const now = wallAt(clock.now, clock.timeZone);
  const diff = daysBetween(now, w);
  const monthDay = `${MONTHS[w.month - 1]} ${w.day}${w.year !== now.year ? `, ${w.year}` : ""}`;
  const day =
    diff === 0 ? "today"
    : diff === 1 ? "tomorrow"
    : diff === -1 ? "yesterday"
    : diff > 1 && diff < 7 ? `${WEEKDAYS[weekdayOf(w)]}, ${monthDay}`
    : monthDay;
  const endOfDay = w.hour === 23 && w.minute === 59;
  return endOfDay ? day : `${day} at ${timeOfDay(w)}`;
}
