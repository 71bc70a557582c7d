/**
 * What the calendar shows, in the URL beside the view (`?view=calendar&mode=week&date=2026-12-04`):
 * month or week, and the selected day (the one the panel below the grid lists and adds to).
 */
import { addDays, dayKey, monthWeeks, parseDayKey, weekDays } from "./days.ts";
import { startOfDay } from "../tasks/task-dates.ts";

export type CalendarMode = "month" | "week";

export interface CalendarState {
  mode: CalendarMode;
  day: Date;
}

export function parseCalendar(search: URLSearchParams, now = new Date()): CalendarState {
  return {
    mode: search.get("mode") === "week" ? "week" : "month",
    day: parseDayKey(search.get("date")) ?? startOfDay(now),
  };
}

/** The query string tail for a calendar state (appended to the view's own search). */
export function calendarSearch(s: CalendarState, now = new Date()): string {
  const p = new URLSearchParams();
  if (s.mode === "week") p.set("mode", "week");
  if (dayKey(s.day) !== dayKey(now)) p.set("date", dayKey(s.day));
  return p.toString();
}

/** The days on screen: whole weeks, `to` exclusive. */
export function visibleRange(s: CalendarState): { weeks: Date[][]; from: Date; to: Date } {
  const weeks = s.mode === "week" ? [weekDays(s.day)] : monthWeeks(s.day);
  const from = weeks[0]![0]!;
  const last = weeks[weeks.length - 1]!;
  return { weeks, from, to: addDays(last[6]!, 1) };
}
