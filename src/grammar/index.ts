/**
 * The quick-add grammar, one module for the web quick-add and the offline
 * assistant: "buy milk tomorrow 9am #errands !high" → title "buy milk", due
 * tomorrow 09:00, list "errands", priority high, and the spans of the input each
 * of those came from. Pure: no database, no HTTP, no host clock or time zone.
 */
import { assemble } from "./assemble.ts";
import { scan, type ScanOptions } from "./scan.ts";
import type { Due, GrammarContext, QuickAdd, Recurrence, Reminder, Span } from "./types.ts";
import { COUNT, countValue, UNIT, unitOf } from "./words.ts";

export type { DateOrder, Due, GrammarContext, QuickAdd, Recurrence, Reminder, Span, SpanKind } from "./types.ts";
export type { ScanOptions } from "./scan.ts";
export { dateOrderFor } from "./locale.ts";
export { labelList } from "./symbols.ts";
export { PRIORITY_WORDS } from "./words.ts";
export { titleWithout } from "./assemble.ts";
export { REMINDERS_MAX } from "./scan.ts";

export function parseQuickAdd(text: string, ctx: GrammarContext, options: ScanOptions = {}): QuickAdd {
  return assemble(text, scan(text, ctx, options), ctx);
}

export interface ParsedRecurrence {
  recurrence: Recurrence;
  /** "starting dec 1", or a date said with it: the first due date when the task has none. */
  due: Due | null;
}

/**
 * A whole text that is a recurrence ("every monday at 9am", "every! 2 weeks
 * starting friday"), as the task API's `recurrence.text` takes it. Null when
 * any word is left over: the caller says it was not understood rather than
 * repeating something else.
 */
export function parseRecurrence(text: string, ctx: GrammarContext): ParsedRecurrence | null {
  const trimmed = text.trim();
  // A bare "monday at 9am" or "2 weeks" reads as "every …" too.
  const phrase = /^(?:every|each)\b|^(?:hourly|daily|everyday|weekly|monthly|yearly|annually|fortnightly)\b/i.test(trimmed) ? trimmed : `every ${trimmed}`;
  const r = parseQuickAdd(phrase, ctx, { ignore: (s) => s.kind !== "recurrence" && s.kind !== "due" });
  if (!r.recurrence || r.title !== "") return null;
  return { recurrence: r.recurrence, due: r.due };
}

/**
 * A whole text that is one reminder for a task that already exists: "30 minutes
 * before", "at 8am", "tomorrow at 9am", "in 2 hours" (with or without "remind
 * me"). No due date is said with it, so "at 8am" is the next 8:00, as a time
 * alone is everywhere else. Null when any word is left over.
 */
export function parseReminder(text: string, ctx: GrammarContext): Reminder | null {
  const trimmed = text.trim();
  const phrase = /^(?:remind\s+me|reminder|remind)\b/i.test(trimmed) ? trimmed : `remind me ${trimmed}`;
  const r = parseQuickAdd(phrase, ctx, { ignore: (s) => s.kind !== "reminder" });
  return r.reminders.length === 1 && r.title === "" ? r.reminders[0]! : null;
}

export interface FoundDue {
  due: Due;
  /** The due phrases, in input order (a date and a later time may be two). */
  spans: Span[];
}

/** Only the due date of a text, for callers that parse the rest themselves ("push the report to friday"). */
export function findDue(text: string, ctx: GrammarContext): FoundDue | null {
  const r = parseQuickAdd(text, ctx, { ignore: (s) => s.kind !== "due" });
  return r.due ? { due: r.due, spans: r.spans } : null;
}

export interface Duration {
  amount: number;
  unit: "minute" | "hour" | "day" | "week" | "month" | "year";
}

/** "a day", "2 weeks", "three hours" as a whole phrase: how far to shift a date ("postpone it by a day"). */
export function parseDuration(text: string): Duration | null {
  const m = new RegExp(`^(${COUNT})\\s+(${UNIT})$`, "i").exec(text.trim());
  const amount = m?.[1] ? countValue(m[1]) : NaN;
  return m?.[2] && amount > 0 ? { amount, unit: unitOf(m[2]) } : null;
}
