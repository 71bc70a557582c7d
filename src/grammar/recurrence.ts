/**
 * Recurrence phrases → an RFC 5545 RRULE plus canonical English text:
 * "every day", "every weekday", "every 3 weeks", "every mon, wed, fri",
 * "every month on the 15th", "every last day of the month", "every 2nd tuesday",
 * "every year on march 3", "daily at 7am", with "starting <date>", "until <date>",
 * "for N times" and Todoist's `every!` / "after completion".
 *
 * The rule is local to the user's zone (a DTSTART with TZID goes with it), so
 * "every day at 7am" stays at 7:00 across DST; only UNTIL is UTC, as RFC 5545
 * requires next to such a DTSTART.
 */
import { dateAtom, duePhrase, monthDay, timeAtom } from "./dates.ts";
import { atTail, END, matchAt, rx } from "./regex.ts";
import type { GrammarContext, RecurrencePart } from "./types.ts";
import { COUNT, countValue, MONTH_NAMES, NTH, nthValue, RRULE_DAYS, WEEKDAY, WEEKDAY_INDEX, WEEKDAY_NAMES } from "./words.ts";
import { instantOf, parseHm, type Ymd } from "./zoned.ts";

type Freq = "HOURLY" | "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";

export interface Rec {
  freq: Freq;
  interval: number;
  /** Weekday indexes (0 = Sunday) for WEEKLY, or one `{ nth, day }` for MONTHLY. */
  days?: number[];
  nth?: { n: number; day: number };
  monthDays?: number[];
  month?: number;
  time?: string;
  /** The time came from "morning"/"evening": a time said after it wins ("every morning at 8am"). */
  partTime?: boolean;
  until?: Ymd;
  count?: number;
  from: "due" | "completion";
}

const UNIT_FREQ: Record<string, Freq> = { hour: "HOURLY", day: "DAILY", week: "WEEKLY", month: "MONTHLY", year: "YEARLY" };
const ADVERBS: Record<string, Freq> = { hourly: "HOURLY", daily: "DAILY", everyday: "DAILY", weekly: "WEEKLY", monthly: "MONTHLY", yearly: "YEARLY", annually: "YEARLY" };
const PARTS: Record<string, string> = { morning: "09:00", afternoon: "15:00", evening: "19:00", night: "22:00" };
const MONTH_SCOPE = "(?:\\s+of\\s+(?:the|each|every)\\s+month)?";
const DAY_ORD = "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)";
const LIST_SEP = "(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*|\\s+)";
const WEEKDAY_LIST = `${WEEKDAY}\\.?(?:${LIST_SEP}${WEEKDAY}\\.?)*`;
const DAY_ORD_LIST = `${DAY_ORD}(?:${LIST_SEP}${DAY_ORD})*`;

const weekdaysIn = (s: string) => sortDays([...s.toLowerCase().matchAll(new RegExp(WEEKDAY, "giu"))].map((m) => WEEKDAY_INDEX[m[0]]!));
const monthDaysIn = (s: string) => [...new Set([...s.matchAll(/\d+/g)].map((m) => Number(m[0])))].sort((a, b) => a - b);
/** Monday first, as people list them. */
const sortDays = (days: number[]) => [...new Set(days)].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));

interface Body {
  end: number;
  rec: Omit<Rec, "from">;
}

/** What follows "every": the frequency and its BY parts. */
function body(text: string, pos: number, ctx: GrammarContext): Body | null {
  const at = (re: RegExp) => matchAt(re, text, pos);
  const done = (m: RegExpExecArray, rec: Omit<Rec, "from">): Body => ({ end: pos + m[0].length, rec });
  let m = at(rx`(${NTH})\\s+(${WEEKDAY})\\.?${MONTH_SCOPE}${END}`);
  if (m) return done(m, { freq: "MONTHLY", interval: 1, nth: { n: nthValue(m[1]!), day: WEEKDAY_INDEX[m[2]!.toLowerCase()]! } });
  m = at(rx`last\\s+day${MONTH_SCOPE}${END}`);
  if (m) return done(m, { freq: "MONTHLY", interval: 1, monthDays: [-1] });
  const md = monthDay(text, pos, ctx);
  if (md?.date) return { end: md.end, rec: { freq: "YEARLY", interval: 1, month: md.date.month, monthDays: [md.date.day] } };
  m = at(rx`(${DAY_ORD_LIST})${MONTH_SCOPE}${END}`);
  if (m) return done(m, { freq: "MONTHLY", interval: 1, monthDays: monthDaysIn(m[1]!) });
  m = at(rx`(?:work\\s*days?|week\\s*days?|business\\s+days?)${END}`);
  if (m) return done(m, { freq: "WEEKLY", interval: 1, days: [1, 2, 3, 4, 5] });
  m = at(rx`weekends?${END}`);
  if (m) return done(m, { freq: "WEEKLY", interval: 1, days: [6, 0] });
  m = at(rx`(morning|afternoon|evening|night)s?${END}`);
  if (m) return done(m, { freq: "DAILY", interval: 1, time: PARTS[m[1]!.toLowerCase()], partTime: true });
  m = at(rx`(?:(other)\\s+)?(${WEEKDAY_LIST})${END}`);
  if (m) return done(m, { freq: "WEEKLY", interval: m[1] ? 2 : 1, days: weekdaysIn(m[2]!) });
  m = at(rx`(?:(other)\\s+|(${COUNT})\\s+)?(hour|day|week|month|year)s?${END}`);
  if (!m) return null;
  const interval = m[1] ? 2 : m[2] ? countValue(m[2]) : 1;
  if (!Number.isInteger(interval) || interval < 1 || interval > 999) return null;
  const freq = UNIT_FREQ[m[3]!.toLowerCase()]!;
  return specifier(text, pos + m[0].length, { freq, interval }, ctx) ?? done(m, { freq, interval });
}

/** "every 2 weeks on monday", "every month on the 15th / last day / 2nd tuesday", "every year on march 3". */
function specifier(text: string, pos: number, rec: Omit<Rec, "from">, ctx: GrammarContext): Body | null {
  const on = matchAt(rx`\\s+on\\s+(?:the\\s+)?`, text, pos);
  if (!on) return null;
  const at = pos + on[0].length;
  let m: RegExpExecArray | null;
  if (rec.freq === "WEEKLY" && (m = matchAt(rx`(${WEEKDAY_LIST})${END}`, text, at))) return { end: at + m[0].length, rec: { ...rec, days: weekdaysIn(m[1]!) } };
  if (rec.freq === "MONTHLY") {
    if ((m = matchAt(rx`last\\s+day${END}`, text, at))) return { end: at + m[0].length, rec: { ...rec, monthDays: [-1] } };
    if ((m = matchAt(rx`(${NTH})\\s+(${WEEKDAY})\\.?${END}`, text, at)))
      return { end: at + m[0].length, rec: { ...rec, nth: { n: nthValue(m[1]!), day: WEEKDAY_INDEX[m[2]!.toLowerCase()]! } } };
    if ((m = matchAt(rx`(${DAY_ORD_LIST})${END}`, text, at))) return { end: at + m[0].length, rec: { ...rec, monthDays: monthDaysIn(m[1]!) } };
  }
  if (rec.freq === "YEARLY") {
    const md = monthDay(text, at, ctx);
    if (md?.date) return { end: md.end, rec: { ...rec, month: md.date.month, monthDays: [md.date.day] } };
  }
  return null;
}

const MOD_SEP = "\\s*,?\\s*";
const COMPLETION = `(?:after\\s+(?:completion|completing(?:\\s+it)?|it(?:'|’)?s\\s+done|(?:it\\s+is\\s+)?done|i\\s+finish(?:\\s+it)?)|from\\s+completion|when\\s+done)${END}`;

/**
 * A recurrence starting at `pos`: "every …", "every! …", "each …", or an adverb
 * ("daily") that ends the text or carries a modifier ("daily at 7am"), so
 * "weekly report" stays a title.
 */
export function recurrencePhrase(text: string, pos: number, ctx: GrammarContext): { end: number; value: RecurrencePart } | null {
  const head = matchAt(rx`(every|each)(!)?\\s*`, text, pos);
  let b: Body | null = null;
  let from: Rec["from"] = "due";
  if (head && (head[2] || /\s$/.test(head[0]))) {
    b = body(text, pos + head[0].length, ctx);
    if (head[2]) from = "completion";
  } else {
    const adv = matchAt(rx`(hourly|daily|everyday|weekly|monthly|yearly|annually|fortnightly)${END}`, text, pos);
    if (adv) {
      const word = adv[1]!.toLowerCase();
      const rec: Body["rec"] = word === "fortnightly" ? { freq: "WEEKLY", interval: 2 } : { freq: ADVERBS[word]!, interval: 1 };
      b = specifier(text, pos + adv[0].length, rec, ctx) ?? { end: pos + adv[0].length, rec };
      if (!atTail(text, b.end) && !modifier(text, b.end, ctx, { ...rec, from })) return null;
    }
  }
  if (!b) return null;
  const rec: Rec = { ...b.rec, from };
  let end = b.end;
  let starting: RecurrencePart["starting"];
  for (let guard = 0; guard < 5; guard++) {
    const mod = modifier(text, end, ctx, rec);
    if (!mod) break;
    end = mod.end;
    if (mod.starting) starting = mod.starting;
  }
  const value: RecurrencePart = { recurrence: { text: canonicalText(rec), rule: toRule(rec, ctx), from: rec.from } };
  if (starting) value.starting = starting;
  return { end, value };
}

/** One modifier after the body; fills `rec` in place. Each kind is taken once. */
function modifier(text: string, pos: number, ctx: GrammarContext, rec: Rec): { end: number; starting?: RecurrencePart["starting"] } | null {
  const sep = matchAt(MOD_SEP, text, pos);
  const at = pos + (sep?.[0].length ?? 0);
  let m: RegExpExecArray | null;
  if (rec.from === "due" && (m = matchAt(COMPLETION, text, at))) {
    rec.from = "completion";
    return { end: at + m[0].length };
  }
  if (rec.freq !== "HOURLY" && (!rec.time || rec.partTime)) {
    const t = matchAt(rx`(?:at\\s+|by\\s+|@\\s*)?`, text, at);
    const time = timeAtom(text, at + (t?.[0].length ?? 0));
    if (time) {
      rec.time = time.time;
      delete rec.partTime;
      return { end: time.end };
    }
  }
  if (rec.until === undefined && rec.count === undefined) {
    if ((m = matchAt(rx`(?:until|till|through|ending(?:\\s+on)?|up\\s+to)\\s+`, text, at))) {
      const d = dateAtom(text, at + m[0].length, ctx);
      if (d?.date) {
        rec.until = d.date;
        return { end: d.end };
      }
    }
    if ((m = matchAt(rx`(?:for\\s+)?(${COUNT})\\s+(?:times|occurrences)${END}`, text, at))) {
      const n = countValue(m[1]!);
      if (Number.isInteger(n) && n >= 1 && n <= 999) {
        rec.count = n;
        return { end: at + m[0].length };
      }
    }
  }
  if ((m = matchAt(rx`(?:starting|beginning|from|effective)(?:\\s+(?:on|from))?\\s+`, text, at))) {
    const d = duePhrase(text, at + m[0].length, ctx);
    if (d && d.part.date) return { end: d.end, starting: d.part };
  }
  return null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function toRule(rec: Rec, ctx: GrammarContext): string {
  const parts = [`FREQ=${rec.freq}`];
  if (rec.interval > 1) parts.push(`INTERVAL=${rec.interval}`);
  if (rec.month) parts.push(`BYMONTH=${rec.month}`);
  if (rec.monthDays?.length) parts.push(`BYMONTHDAY=${rec.monthDays.join(",")}`);
  if (rec.nth) parts.push(`BYDAY=${rec.nth.n}${RRULE_DAYS[rec.nth.day]}`);
  else if (rec.days?.length) parts.push(`BYDAY=${rec.days.map((d) => RRULE_DAYS[d]).join(",")}`);
  if (rec.time) {
    const [h, m] = parseHm(rec.time);
    parts.push(`BYHOUR=${h}`, `BYMINUTE=${m}`);
  }
  if (rec.until) {
    const u = instantOf(rec.until, 23, 59, 59, ctx);
    parts.push(`UNTIL=${u.getUTCFullYear()}${pad(u.getUTCMonth() + 1)}${pad(u.getUTCDate())}T${pad(u.getUTCHours())}${pad(u.getUTCMinutes())}${pad(u.getUTCSeconds())}Z`);
  }
  if (rec.count) parts.push(`COUNT=${rec.count}`);
  return parts.join(";");
}

export const ordinal = (n: number) => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${s}`;
};
const listText = (items: string[]) => (items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

export function timeText(time: string): string {
  const [h, m] = parseHm(time);
  return `${h % 12 === 0 ? 12 : h % 12}${m ? `:${pad(m)}` : ""}${h < 12 ? "am" : "pm"}`;
}

const UNIT_WORD: Record<Freq, string> = { HOURLY: "hour", DAILY: "day", WEEKLY: "week", MONTHLY: "month", YEARLY: "year" };

/** Canonical English for a rule; the grammar reads it back to the same rule. */
export function canonicalText(rec: Rec): string {
  const unit = UNIT_WORD[rec.freq];
  const every = rec.interval > 1 ? `every ${rec.interval} ${unit}s` : `every ${unit}`;
  const days = (rec.days ?? []).join(",");
  let text: string;
  const nthText = rec.nth ? `${rec.nth.n === -1 ? "last" : ordinal(rec.nth.n)} ${WEEKDAY_NAMES[rec.nth.day]}` : "";
  const monthDayText = (rec.monthDays ?? []).map((d) => (d === -1 ? "last day" : ordinal(d)));
  if (rec.freq === "WEEKLY" && rec.interval === 1 && days === "1,2,3,4,5") text = "every weekday";
  else if (rec.freq === "WEEKLY" && rec.interval === 1 && days === "6,0") text = "every weekend";
  else if (rec.freq === "WEEKLY" && rec.days?.length) {
    const names = listText(rec.days.map((d) => WEEKDAY_NAMES[d]!));
    text = rec.interval > 1 ? `${every} on ${names}` : `every ${names}`;
  } else if (rec.freq === "MONTHLY" && rec.nth) text = rec.interval > 1 ? `${every} on the ${nthText}` : `every ${nthText}`;
  else if (rec.freq === "MONTHLY" && monthDayText.length) {
    text = rec.interval === 1 && monthDayText[0] === "last day" ? "every last day of the month" : `${every} on the ${listText(monthDayText)}`;
  } else if (rec.freq === "YEARLY" && rec.month) text = `${every} on ${MONTH_NAMES[rec.month - 1]} ${rec.monthDays?.[0]}`;
  else text = every;
  if (rec.time) text += ` at ${timeText(rec.time)}`;
  if (rec.until) text += ` until ${MONTH_NAMES[rec.until.month - 1]} ${rec.until.day}, ${rec.until.year}`;
  if (rec.count) text += ` for ${rec.count} times`;
  if (rec.from === "completion") text += " after completion";
  return text;
}
