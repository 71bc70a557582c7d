/**
 * A task write's `recurrence: { text }` read by the grammar into `{ rule, text,
 * from }`, the form the task domain stores, with "starting <date>" as the due
 * date when the write names none. Used by the REST routes and the tools alike.
 */
import type { RecurrenceInput } from "../contracts/task.ts";
import { parseRecurrence } from "./index.ts";
import type { GrammarContext } from "./types.ts";

export interface RecurrenceWrite {
  recurrence?: RecurrenceInput | null | undefined;
  due_at?: string | null | undefined;
}

/** The input with its recurrence text read, or `{ unparsed }` naming the text that was not understood. */
export function readRecurrenceText<T extends RecurrenceWrite>(
  input: T,
  ctx: GrammarContext,
): { ok: true; input: T } | { ok: false; unparsed: string } {
  const r = input.recurrence;
  if (!r || "rule" in r) return { ok: true, input };
  const parsed = parseRecurrence(r.text, ctx);
  if (!parsed) return { ok: false, unparsed: r.text };
  const recurrence = {
    rule: parsed.recurrence.rule,
    text: parsed.recurrence.text,
    from: r.from ?? parsed.recurrence.from,
  };
  const due_at = input.due_at === undefined && parsed.due ? new Date(parsed.due.at).toISOString() : input.due_at;
  return { ok: true, input: { ...input, recurrence, ...(due_at !== undefined ? { due_at } : {}) } };
}
