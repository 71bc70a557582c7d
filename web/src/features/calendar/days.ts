/**
 * Local calendar days for the date views (Today, Upcoming, Calendar). A day is
 * the browser's local midnight; weeks start on Monday. Everything here is pure.
 */
import { ALL_DAY, startOfDay } from "../tasks/task-dates.ts";

export const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-12-04" for the local day of `d`. */
export const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The local midnight of a "YYYY-MM-DD" key, or null when it is not a date. */
export function parseDayKey(key: string | null): Date | null {
  const m = key ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(key) : null;
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return dayKey(d) === key ? d : null;
}

/** Local midnight `n` days after `d`'s day (calendar days, so DST changes are 23 or 25 hours). */
export const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
export const addMonths = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth() + n, 1);
export const sameDay = (a: Date, b: Date) => dayKey(a) === dayKey(b);

/** Monday of `d`'s week. */
export const startOfWeek = (d: Date) => addDays(d, -((d.getDay() + 6) % 7));

/** The 7 days of `d`'s week, Monday first. */
export const weekDays = (d: Date) => Array.from({ length: 7 }, (_, i) => addDays(startOfWeek(d), i));

/** The weeks shown for `d`'s month: whole Monday–Sunday weeks covering the 1st to the last day. */
export function monthWeeks(d: Date): Date[][] {
  const first = new Date(d.getFullYear(), d.getMonth(), 1);
  const last = new Date(d.getFullYear(), d.getMonth() + 1, 0);
  const weeks: Date[][] = [];
  for (let start = startOfWeek(first); start <= last; start = addDays(start, 7)) weeks.push(weekDays(start));
  return weeks;
}

const shortFmt = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short" });
const longFmt = new Intl.DateTimeFormat(undefined, { weekday: "long", day: "numeric", month: "long" });

/** "Today", "Tomorrow", else e.g. "Wed 4 Dec" (in the browser's language). */
export function dayHeading(day: Date, now = new Date()): string {
  const diff = Math.round((startOfDay(day).getTime() - startOfDay(now).getTime()) / DAY_MS);
  if (diff === 0) return "Today";
  if (diff === 1) return "Tomorrow";
  return shortFmt.format(day);
}

/** "Wednesday 4 December", with "Today"/"Tomorrow" in front when it is. */
export function dayTitle(day: Date, now = new Date()): string {
  const rel = dayHeading(day, now);
  return rel === "Today" || rel === "Tomorrow" ? `${rel}, ${longFmt.format(day)}` : longFmt.format(day);
}

/** The instant for "due some time on `day`" (the app's all-day time). */
export function allDayOn(day: Date): string {
  const [h, m] = ALL_DAY.split(":").map(Number);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, m).toISOString();
}

/** `iso` moved to `day`, keeping its local time of day (drag to reschedule). */
export function moveToDay(iso: string, day: Date): string {
  const t = new Date(iso);
  return new Date(
    day.getFullYear(),
    day.getMonth(),
    day.getDate(),
    t.getHours(),
    t.getMinutes(),
    t.getSeconds(),
    t.getMilliseconds(),
  ).toISOString();
}

/** Items bucketed by the local day of their `due_at`, in their given order. */
export function byDay<T extends { due_at: string | null }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    if (!it.due_at) continue;
    const key = dayKey(new Date(it.due_at));
    const list = out.get(key);
    if (list) list.push(it);
    else out.set(key, [it]);
  }
  return out;
}

const timeFmt = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });

/** The time of day of a due date, or null for an all-day one (23:59). */
export function timeLabel(iso: string): string | null {
  const d = new Date(iso);
  return d.getHours() === 23 && d.getMinutes() === 59 ? null : timeFmt.format(d);
}
