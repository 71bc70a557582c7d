/**
 * Dates and times in plain words: the atoms ("tomorrow", "next fri", "dec 5",
 * "in 3 days", "9am", "14:30", "noon") and the phrase that combines a date and a
 * time with an optional connector ("due", "on", "by", "at" …).
 *
 * Decisions (docs/decisions/009-one-grammar.md): "friday" means the next Friday,
 * today included; "next friday" never today. A bare hour ("at 7") is never a time,
 * because am/pm would be a guess. Words that are also ordinary words ("sat",
 * "sun", "wed") and numeric dates without a year ("5/12") count only after a
 * connector, with a time, or at the end of the text.
 */
import { AMBIGUOUS_WEEKDAYS, COUNT, countValue, DAY_NUMBER, MONTH, MONTH_INDEX, UNIT, unitOf, WEEKDAY, WEEKDAY_INDEX } from "./words.ts";
import { atTail, END, matchAt, rx, skipSpaces } from "./regex.ts";
import type { DuePart, GrammarContext } from "./types.ts";
import {
  compareYmd, daysInMonth, hmString, isValidDate, nextMonday, nextWeekday, plusDays, plusMonths, today, weekday, ymdString,
  type Ymd,
} from "./zoned.ts";

export interface DateAtom {
  end: number;
  date?: Ymd;
  instant?: number;
  /** A time the words imply ("tonight" 22:00, "tomorrow morning" 09:00). */
  time?: string;
  /** From "morning"/"evening": lets a following bare "at 8" read as 8am / 8pm. */
  meridiem?: "am" | "pm";
  /** Needs a connector, a time or the end of the text to count. */
  weak?: boolean;
}

const DAY_PART: Record<string, { time: string; meridiem: "am" | "pm" }> = {
  morning: { time: "09:00", meridiem: "am" },
  afternoon: { time: "15:00", meridiem: "pm" },
  evening: { time: "19:00", meridiem: "pm" },
  night: { time: "22:00", meridiem: "pm" },
};
const PART = "(?:\\s+(morning|afternoon|evening|night))?";

function withPart(date: Ymd, end: number, part: string | undefined): DateAtom {
  const p = part ? DAY_PART[part.toLowerCase()] : undefined;
  return p ? { end, date, time: p.time, meridiem: p.meridiem } : { end, date };
}

/** A year-less month/day: this year, or next year once it has passed. */
function forward(month: number, day: number, ctx: GrammarContext): Ymd | null {
  const now = today(ctx);
  let d: Ymd = { year: now.year, month, day };
  if (month === 2 && day === 29) {
    // The next Feb 29 that exists.
    for (let y = now.year; y < now.year + 8; y++) {
      d = { year: y, month, day };
      if (isValidDate(d) && compareYmd(d, now) >= 0) return d;
    }
    return null;
  }
  if (!isValidDate(d)) return null;
  if (compareYmd(d, now) < 0) d = { ...d, year: d.year + 1 };
  return d;
}

function withYear(year: string | undefined, month: number, day: number, ctx: GrammarContext): Ymd | null {
  if (!year) return forward(month, day, ctx);
  const y = year.length === 2 ? 2000 + Number(year) : Number(year);
  const d = { year: y, month, day };
  return isValidDate(d) ? d : null;
}

const dayNum = (s: string) => Number(s.replace(/\D/g, ""));

/** The next day-of-month `day` from today (this month or a later one that has it). */
function nextDayOfMonth(day: number, ctx: GrammarContext): Ymd | null {
  const now = today(ctx);
  for (let i = 0; i < 12; i++) {
    const m = plusMonths({ ...now, day: 1 }, i);
    if (day <= daysInMonth(m.year, m.month) && (i > 0 || day >= now.day)) return { ...m, day };
  }
  return null;
}

type AtomRule = (text: string, pos: number, ctx: GrammarContext) => DateAtom | null;

const iso: AtomRule = (text, pos) => {
  const m = matchAt(rx`(\\d{4})-(\\d{1,2})-(\\d{1,2})${END}`, text, pos);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(d) ? { end: pos + m[0].length, date: d } : null;
};

/** 5/12, 5/12/2027, 5/12/27; the context's order, or the only order that makes a date. */
const numeric: AtomRule = (text, pos, ctx) => {
  const m = matchAt(rx`(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?${END}(?!/)`, text, pos);
  const dotted = m ? null : ctx.dateOrder === "dmy" ? matchAt(rx`(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})?(?![\\p{L}\\p{N}.])`, text, pos) : null;
  const r = m ?? dotted;
  if (!r) return null;
  const a = Number(r[1]);
  const b = Number(r[2]);
  const order = dotted ? "dmy" : (ctx.dateOrder ?? "mdy");
  const [first, second] = order === "mdy" ? [[a, b], [b, a]] : [[b, a], [a, b]];
  const date = withYear(r[3], first[0]!, first[1]!, ctx) ?? withYear(r[3], second[0]!, second[1]!, ctx);
  return date ? { end: pos + r[0].length, date, weak: !r[3] } : null;
};

const relativeDay: AtomRule = (text, pos, ctx) => {
  const t = today(ctx);
  let m = matchAt(rx`(?:the\\s+)?day\\s+after\\s+(?:tomorrow|tmrw|tmr)${END}`, text, pos);
  if (m) return { end: pos + m[0].length, date: plusDays(t, 2) };
  m = matchAt(rx`(today|tonight|tomorrow|tmrw|tmr|yesterday)${PART}${END}`, text, pos);
  if (m) {
    const w = m[1]!.toLowerCase();
    const date = w === "yesterday" ? plusDays(t, -1) : w === "today" || w === "tonight" ? t : plusDays(t, 1);
    return withPart(date, pos + m[0].length, w === "tonight" ? "night" : m[2]);
  }
  m = matchAt(rx`this\\s+(morning|afternoon|evening)${END}`, text, pos);
  return m ? withPart(t, pos + m[0].length, m[1]) : null;
};

/** "fri", "this friday", "next fri", "friday evening", "fri, dec 5" (the date wins). */
const weekdayAtom: AtomRule = (text, pos, ctx) => {
  const m = matchAt(rx`(?:(this|next|coming)\\s+)?(${WEEKDAY})\\.?${PART}${END}`, text, pos);
  if (!m) return null;
  const after = matchAt(rx`,?\\s+`, text, pos + m[0].length);
  const dated = after && !m[3] ? monthDay(text, pos + m[0].length + after[0].length, ctx) : null;
  if (dated) return dated;
  const word = m[2]!.toLowerCase();
  const date = nextWeekday(today(ctx), WEEKDAY_INDEX[word]!, !/next/i.test(m[1] ?? ""));
  const atom = withPart(date, pos + m[0].length, m[3]);
  return !m[1] && AMBIGUOUS_WEEKDAYS.has(word) && !m[3] ? { ...atom, weak: true } : atom;
};

const periods: AtomRule = (text, pos, ctx) => {
  const t = today(ctx);
  let m = matchAt(rx`(next|this|coming)\\s+(week|month|year|weekend)${END}`, text, pos);
  if (m) {
    const which = m[1]!.toLowerCase();
    const unit = m[2]!.toLowerCase();
    const end = pos + m[0].length;
    if (unit === "weekend") return { end, date: which === "next" ? plusDays(nextMonday(t), 5) : nextWeekday(t, 6, true) };
    if (which !== "next") return null; // "this week" names a range, not a day
    if (unit === "week") return { end, date: nextMonday(t) };
    if (unit === "month") return { end, date: plusMonths({ ...t, day: 1 }, 1) };
    return { end, date: { year: t.year + 1, month: 1, day: 1 } };
  }
  m = matchAt(rx`(?:the\\s+)?weekend${END}`, text, pos);
  if (m) return { end: pos + m[0].length, date: weekday(t) === 0 ? t : nextWeekday(t, 6, true) };
  m = matchAt(rx`(?:(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?(week|month|year)|eo(w|m|y))${END}`, text, pos);
  if (m) {
    const unit = (m[1] ?? m[2])!.toLowerCase()[0];
    const end = pos + m[0].length;
    if (unit === "w") return { end, date: nextWeekday(t, 5, true) };
    if (unit === "m") return { end, date: { ...t, day: daysInMonth(t.year, t.month) } };
    return { end, date: { year: t.year, month: 12, day: 31 } };
  }
  m = matchAt(rx`(?:the\\s+)?end\\s+of\\s+next\\s+month${END}`, text, pos);
  if (m) {
    const n = plusMonths({ ...t, day: 1 }, 1);
    return { end: pos + m[0].length, date: { ...n, day: daysInMonth(n.year, n.month) } };
  }
  return null;
};

/** "in 3 days", "in 2 hours", "in half an hour", "2 weeks from now". */
const relativeAmount: AtomRule = (text, pos, ctx) => {
  const half = matchAt(rx`in\\s+half\\s+an?\\s+hour${END}`, text, pos);
  if (half) return { end: pos + half[0].length, instant: floorMinute(ctx.now.getTime() + 30 * 60_000) };
  const m =
    matchAt(rx`in\\s+(${COUNT})\\s+(${UNIT})${END}`, text, pos) ??
    matchAt(rx`(${COUNT})\\s+(${UNIT})\\s+from\\s+(?:now|today)${END}`, text, pos);
  if (!m) return null;
  const n = countValue(m[1]!);
  if (!Number.isFinite(n) || n > 1000) return null;
  const unit = unitOf(m[2]!);
  const end = pos + m[0].length;
  if (unit === "minute" || unit === "hour") return { end, instant: floorMinute(ctx.now.getTime() + n * (unit === "hour" ? 3_600_000 : 60_000)) };
  const t = today(ctx);
  if (unit === "day") return { end, date: plusDays(t, n) };
  if (unit === "week") return { end, date: plusDays(t, 7 * n) };
  return { end, date: plusMonths(t, unit === "month" ? n : 12 * n) };
};
const floorMinute = (ms: number) => Math.floor(ms / 60_000) * 60_000;

const NOT_TIME_AFTER = "(?!\\s*(?::|[ap]\\.?m\\.?(?![\\p{L}])|o'?clock))";

/** "dec 5", "december 5th, 2027", "5 dec", "5th of december", "the 5th of december". */
export const monthDay: AtomRule = (text, pos, ctx) => {
  let m = matchAt(rx`(${MONTH})\\.?\\s+(${DAY_NUMBER})${END}${NOT_TIME_AFTER}(?:,?\\s+(\\d{4})${END})?`, text, pos);
  let month = m ? MONTH_INDEX[m[1]!.toLowerCase()] : undefined;
  let day = m ? dayNum(m[2]!) : 0;
  let year = m?.[3];
  if (!m) {
    m = matchAt(rx`(?:the\\s+)?(${DAY_NUMBER})\\s+(?:of\\s+)?(${MONTH})\\.?${END}(?:,?\\s+(\\d{4})${END})?`, text, pos);
    month = m ? MONTH_INDEX[m[2]!.toLowerCase()] : undefined;
    day = m ? dayNum(m[1]!) : 0;
    year = m?.[3];
  }
  if (!m || !month) return null;
  const date = withYear(year, month, day, ctx);
  return date ? { end: pos + m[0].length, date } : null;
};

/** "the 10th": the next 10th of a month. */
const dayOfMonth: AtomRule = (text, pos, ctx) => {
  const m = matchAt(rx`the\\s+([12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?:\\s+of\\s+(?:the|this)\\s+month)?${END}`, text, pos);
  if (!m) return null;
  const date = nextDayOfMonth(Number(m[1]), ctx);
  return date ? { end: pos + m[0].length, date } : null;
};

const DATE_RULES: AtomRule[] = [iso, numeric, relativeDay, relativeAmount, periods, monthDay, weekdayAtom, dayOfMonth];

export function dateAtom(text: string, pos: number, ctx: GrammarContext): DateAtom | null {
  for (const rule of DATE_RULES) {
    const a = rule(text, pos, ctx);
    if (a) return a;
  }
  return null;
}

export interface TimeAtom {
  end: number;
  time: string;
}

/** "9am", "9:30 pm", "14:30", "noon", "midnight", "in the evening"; with a meridiem hint also "at 8". */
export function timeAtom(text: string, pos: number, meridiem?: "am" | "pm"): TimeAtom | null {
  let m = matchAt(rx`(\\d{1,2})(?:[:.]([0-5]\\d))?\\s*([ap])\\.?m\\.?(?![\\p{L}\\p{N}])`, text, pos);
  if (m) {
    const h = Number(m[1]);
    if (h < 1 || h > 12) return null;
    return { end: pos + m[0].length, time: hmString((h % 12) + (m[3]!.toLowerCase() === "p" ? 12 : 0), Number(m[2] ?? 0)) };
  }
  m = matchAt(rx`([01]?\\d|2[0-3]):([0-5]\\d)${END}`, text, pos);
  if (m) return { end: pos + m[0].length, time: hmString(Number(m[1]), Number(m[2])) };
  m = matchAt(rx`(noon|midday|midnight)${END}`, text, pos);
  if (m) return { end: pos + m[0].length, time: m[1]!.toLowerCase() === "midnight" ? "23:59" : "12:00" };
  m = matchAt(rx`(?:in\\s+the\\s+(morning|afternoon|evening)|at\\s+(night))${END}`, text, pos);
  if (m) return { end: pos + m[0].length, time: DAY_PART[(m[1] ?? m[2])!.toLowerCase()]!.time };
  if (meridiem) {
    m = matchAt(rx`(?:at\\s+)?(\\d{1,2})(?::([0-5]\\d))?${END}(?!\\s*(?:/|-|\\d))`, text, pos);
    const h = Number(m?.[1]);
    if (m && h >= 1 && h <= 12) return { end: pos + m[0].length, time: hmString((h % 12) + (meridiem === "pm" ? 12 : 0), Number(m[2] ?? 0)) };
  }
  return null;
}

const CONNECTOR = `(?:due(?:\\s+(?:on|by|at))?|by|on|at|for|before|until|till|no\\s+later\\s+than|deadline:?|around|@)\\s*`;
const DATE_TIME_SEP = `\\s*,?\\s*(?:at\\s+|@\\s*|by\\s+|around\\s+)?`;
const TIME_DATE_SEP = `\\s*,?\\s*(?:on\\s+)?`;

export interface DuePhrase {
  end: number;
  part: DuePart;
}

/**
 * A date and/or time phrase starting exactly at `pos`, with its connector:
 * "tomorrow 9am", "on friday", "at 9am on dec 5", "by next monday 10am", "in 2 hours".
 */
export function duePhrase(text: string, pos: number, ctx: GrammarContext): DuePhrase | null {
  const conn = matchAt(CONNECTOR, text, pos);
  const starts = conn && conn[0].length > 0 ? [pos + conn[0].length, pos] : [pos];
  for (const start of starts) {
    const connected = start !== pos;
    const found = dateThenTime(text, start, ctx, connected) ?? timeThenDate(text, start, ctx);
    if (found) return found;
  }
  return null;
}

function dateThenTime(text: string, pos: number, ctx: GrammarContext, connected: boolean): DuePhrase | null {
  const d = dateAtom(text, pos, ctx);
  if (!d) return null;
  if (d.instant !== undefined) return { end: d.end, part: { instant: d.instant } };
  const sep = matchAt(DATE_TIME_SEP, text, d.end);
  // "tomorrow morning at 8": the day part settles am/pm, but only with "at".
  const hint = sep && /at\s+$/i.test(sep[0]) ? d.meridiem : undefined;
  const t = sep ? timeAtom(text, d.end + sep[0].length, hint) : null;
  if (d.weak && !connected && !t && !atTail(text, d.end)) return null;
  const date = ymdString(d.date!);
  if (t) return { end: t.end, part: { date, time: t.time } };
  return { end: d.end, part: d.time ? { date, time: d.time } : { date } };
}

function timeThenDate(text: string, pos: number, ctx: GrammarContext): DuePhrase | null {
  const t = timeAtom(text, pos);
  if (!t) return null;
  const sep = matchAt(TIME_DATE_SEP, text, t.end);
  const at = sep ? skipSpaces(text, t.end + sep[0].length) : t.end;
  const d = sep ? dateAtom(text, at, ctx) : null;
  // A time makes even a weak date count ("9am sat").
  if (d?.date) return { end: d.end, part: { date: ymdString(d.date), time: t.time } };
  return { end: t.end, part: { time: t.time } };
}
