/**
 * Calendar helpers in the context's zone, on top of the domain's Intl-only wall
 * clock (src/domain/time.ts): nothing here reads the host's time zone.
 */
import { addDays, toZonedIso, wallAt, wallToInstant, weekdayOf, type Wall } from "../domain/time.ts";
import type { Due, DuePart, GrammarContext } from "./types.ts";

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
export const ymdString = (d: Ymd) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
export const hmString = (h: number, m: number) => `${pad(h)}:${pad(m)}`;

export function parseYmd(s: string): Ymd {
  const [year, month, day] = s.split("-").map(Number);
  return { year: year ?? 1970, month: month ?? 1, day: day ?? 1 };
}
function parseHm(s: string): [number, number] {
  const [h, m] = s.split(":").map(Number);
  return [h ?? 0, m ?? 0];
}

/** One Intl read per context: every rule asks for "now" at every word. */
const walls = new WeakMap<GrammarContext, { at: number; zone: string; wall: Wall }>();
export function nowWall(ctx: GrammarContext): Wall {
  const cached = walls.get(ctx);
  if (cached && cached.at === ctx.now.getTime() && cached.zone === ctx.timeZone) return cached.wall;
  const wall = wallAt(ctx.now, ctx.timeZone);
  walls.set(ctx, { at: ctx.now.getTime(), zone: ctx.timeZone, wall });
  return wall;
}
export const today = (ctx: GrammarContext): Ymd => {
  const w = nowWall(ctx);
  return { year: w.year, month: w.month, day: w.day };
};

const asWall = (d: Ymd): Wall => ({ ...d, hour: 0, minute: 0, second: 0 });
export function plusDays(d: Ymd, days: number): Ymd {
  const w = addDays(asWall(d), days);
  return { year: w.year, month: w.month, day: w.day };
}
export const weekday = (d: Ymd): number => weekdayOf(asWall(d));
export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
export const isValidDate = (d: Ymd) => d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
export const compareYmd = (a: Ymd, b: Ymd) => a.year - b.year || a.month - b.month || a.day - b.day;

/** Same day of month `n` months later, clamped to the month's length (Jan 31 + 1 month = Feb 28). */
export function plusMonths(d: Ymd, n: number): Ymd {
  const index = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** The next date (today included when `includeToday`) that falls on `dow` (0 = Sunday). */
export function nextWeekday(from: Ymd, dow: number, includeToday: boolean): Ymd {
  let delta = (dow - weekday(from) + 7) % 7;
  if (delta === 0 && !includeToday) delta = 7;
  return plusDays(from, delta);
}

/** Monday of the week after the one containing `d` (weeks start on Monday). */
export function nextMonday(d: Ymd): Ymd {
  const toMonday = (8 - weekday(d)) % 7 || 7;
  return plusDays(d, toMonday);
}

/** The instant of a local date and time (skipped DST times land an hour later). */
export function instantOf(d: Ymd, h: number, m: number, s = 0, ctx: GrammarContext): Date {
  return wallToInstant({ ...d, hour: h, minute: m, second: s }, ctx.timeZone);
}

/** A finished due date from a combined part. */
export function toDue(part: DuePart, ctx: GrammarContext): Due | null {
  if (part.instant !== undefined) {
    const w = wallAt(new Date(part.instant), ctx.timeZone);
    return { date: ymdString(w), time: hmString(w.hour, w.minute), at: toZonedIso(new Date(part.instant), ctx.timeZone) };
  }
  if (!part.date) return null;
  const d = parseYmd(part.date);
  if (!part.time) return { date: part.date, at: toZonedIso(instantOf(d, 23, 59, 59, ctx), ctx.timeZone) };
  const [h, m] = parseHm(part.time);
  // Read the wall clock back: a time skipped by DST (02:30 on a spring-forward day) shows as the 03:30 it becomes.
  const instant = instantOf(d, h, m, 0, ctx);
  const w = wallAt(instant, ctx.timeZone);
  return { date: ymdString(w), time: hmString(w.hour, w.minute), at: toZonedIso(instant, ctx.timeZone) };
}

/** The next time the clock shows `time` strictly after now: today if still ahead, else tomorrow. */
export function nextTimeOfDay(time: string, ctx: GrammarContext): string {
  const [h, m] = parseHm(time);
  const w = nowWall(ctx);
  const ahead = h * 60 + m > w.hour * 60 + w.minute;
  return ymdString(ahead ? today(ctx) : plusDays(today(ctx), 1));
}

export const zonedIso = (instant: Date, ctx: GrammarContext) => toZonedIso(instant, ctx.timeZone);
export { parseHm };
