/**
 * Dates in the user's words and back. Reading them is the shared grammar's job
 * (src/grammar); this file only adapts its answer and adds the ranges and
 * descriptions the assistant's filters and replies need.
 *
 * Decision: a date without a time ("on Friday", "due Dec 1", "tomorrow") means
 * the END of that day in the user's zone (23:59:59 local). That is what the tool
 * contract already says about date-only `due_at` values, so the offline model,
 * the REST API and a real LLM agree; and a task due "Friday" is not overdue
 * until Friday is over. Replies print such dates without a time.
 */
import { findDue } from "../../../grammar/index.ts";
import type { Clock } from "./clock.ts";
import { addDays, daysBetween, toZonedIso, wallAt, wallToInstant, weekdayOf, type Wall } from "../../../domain/time.ts";

export interface DateMatch {
  /** ISO 8601 with the user's offset. */
  iso: string;
  hasTime: boolean;
}

/** The due date a phrase names ("friday 5pm", "the 10th", "in 3 days"), read by the grammar. */
export function findDate(text: string, clock: Clock): DateMatch | null {
  const found = findDue(text, clock);
  return found ? { iso: found.due.at, hasTime: found.due.time !== undefined } : null;
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

/** The start of "today", "yesterday", "this week" (Monday) or "last week" in the user's zone. */
export function sinceStart(clock: Clock, when: "today" | "yesterday" | "this week" | "last week"): string {
  const back = (weekdayOf(wallAt(clock.now, clock.timeZone)) + 6) % 7; // days since Monday
  const from = when === "today" ? 0 : when === "yesterday" ? -1 : when === "this week" ? -back : -back - 7;
  return dayRange(clock, from, from + 1).due_after!;
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
