/** The English vocabulary of the grammar, as regex sources and lookup tables. */
import type { Priority } from "../contracts/task.ts";

export const WEEKDAY_INDEX: Record<string, number> = {
  sunday: 0, sun: 0, monday: 1, mon: 1, tuesday: 2, tues: 2, tue: 2, wednesday: 3, weds: 3, wed: 3,
  thursday: 4, thurs: 4, thur: 4, thu: 4, friday: 5, fri: 5, saturday: 6, sat: 6,
};
/** Abbreviations that are also everyday words ("wed", "sat", "sun"): a date only with a prefix or a time. */
export const AMBIGUOUS_WEEKDAYS = new Set(["wed", "sat", "sun"]);
export const WEEKDAY = "(?:monday|mon|tuesday|tues|tue|wednesday|weds|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun)";
export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
export const RRULE_DAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

export const MONTH_INDEX: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
export const MONTH = "(?:january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)";
export const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export const MONTH_SHORT = MONTH_NAMES.map((m) => m.slice(0, 3));

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, "a couple of": 2, "a couple": 2, couple: 2,
};
export const COUNT = "(?:\\d{1,4}|a couple of|a couple|couple|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)";
export function countValue(word: string): number {
  const w = word.toLowerCase().replace(/\s+/g, " ");
  return /^\d+$/.test(w) ? Number(w) : (NUMBER_WORDS[w] ?? NaN);
}

const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, last: -1,
};
/** "2nd", "second", "last" (weekday-of-month ordinals). */
export const NTH = "(?:[1-5](?:st|nd|rd|th)|first|second|third|fourth|fifth|last)";
export function nthValue(word: string): number {
  const w = word.toLowerCase();
  return ORDINAL_WORDS[w] ?? Number(w.replace(/\D/g, ""));
}

/** Day of the month with an optional suffix: "5", "5th", "21st". */
export const DAY_NUMBER = "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";

export const UNIT_MINUTES: Record<string, number> = { minute: 1, hour: 60, day: 1440, week: 10080 };
/** Normalises "mins", "hrs", "h", "days" … to minute | hour | day | week | month | year. */
export function unitOf(word: string): "minute" | "hour" | "day" | "week" | "month" | "year" {
  const w = word.toLowerCase();
  if (/^(?:m|mins?|minutes?)$/.test(w)) return "minute";
  if (/^(?:h|hrs?|hours?)$/.test(w)) return "hour";
  if (/^(?:d|days?)$/.test(w)) return "day";
  if (/^(?:w|wks?|weeks?)$/.test(w)) return "week";
  if (/^months?$/.test(w)) return "month";
  return "year";
}
export const UNIT = "(?:minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?)";

export const PRIORITY_WORDS: Record<string, Priority> = {
  high: "high", top: "high", urgent: "high", important: "high", critical: "high", asap: "high",
  medium: "medium", med: "medium", normal: "medium", moderate: "medium",
  low: "low", minor: "low", none: "none",
};
/** Todoist's p1 (highest) … p4 (none). */
export const P_LEVELS: Record<string, Priority> = { "1": "high", "2": "medium", "3": "low", "4": "none" };
