/**
 * Reminder phrases: "remind me in 2 hours", "remind me 30 minutes before",
 * "remind me at 8am", "remind me tomorrow at 9am", "reminder 1 day before".
 * "remind me at 8am" is resolved later against the due date (see assemble.ts).
 */
import { duePhrase } from "./dates.ts";
import { END, matchAt, rx } from "./regex.ts";
import type { GrammarContext, ReminderPart } from "./types.ts";
import { COUNT, countValue, unitOf } from "./words.ts";

const HEAD = "(?:remind\\s+me|reminder|remind)\\s*:?\\s*";
/** Reminders earlier than this before the due date are typos. */
const MAX_BEFORE_MINUTES = 366 * 1440;
const MINUTES = { minute: 1, hour: 60, day: 1440, week: 10080 } as const;

export function reminderPhrase(text: string, pos: number, ctx: GrammarContext): { end: number; value: ReminderPart } | null {
  const head = matchAt(HEAD, text, pos);
  if (!head) return null;
  const at = pos + head[0].length;
  const before =
    matchAt(rx`(?:(half\\s+an?\\s+hour)|(${COUNT})\\s+(minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?))\\s+(?:before|earlier|ahead|prior)(?:\\s+(?:it(?:'|’)?s\\s+due|it\\s+is\\s+due|the\\s+due\\s+(?:date|time)|due))?${END}`, text, at);
  if (before) {
    const minutes = before[1] ? 30 : countValue(before[2]!) * MINUTES[unitOf(before[3]!) as keyof typeof MINUTES];
    return Number.isInteger(minutes) && minutes >= 0 && minutes <= MAX_BEFORE_MINUTES ? { end: at + before[0].length, value: { before_minutes: minutes } } : null;
  }
  const when = duePhrase(text, at, ctx);
  if (!when) return null;
  const { part } = when;
  if (part.instant !== undefined) return { end: when.end, value: { instant: part.instant } };
  // A day without a time ("remind me on friday") reminds in the morning.
  const time = part.time ?? "09:00";
  return { end: when.end, value: part.date ? { date: part.date, time } : { time } };
}
