/**
 * The quick-add grammar, one module for the web quick-add and the offline
 * assistant: "buy milk tomorrow 9am #errands !high" → title "buy milk", due
 * tomorrow 09:00, list "errands", priority high, and the spans of the input each
 * of those came from. Pure: no database, no HTTP, no host clock or time zone.
 */
import { assemble } from "./assemble.ts";
import { scan, type ScanOptions } from "./scan.ts";
import type { Due, GrammarContext, QuickAdd, Span } from "./types.ts";

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
