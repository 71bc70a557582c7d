/** Tools' recurrence words → the stored rule, by the shared grammar in the user's zone; not understood → an error the model reads. */
import type { RecurrenceInput } from "../../contracts/task.ts";
import { DomainError } from "../../domain/errors.ts";
import { readRecurrenceText } from "../../grammar/recurrence-input.ts";
import type { ToolContext } from "./define.ts";

export function readRepeat<
  T extends { recurrence?: RecurrenceInput | null | undefined; due_at?: string | null | undefined },
>(ctx: ToolContext, input: T): T {
  const r = readRecurrenceText(input, { now: ctx.now(), timeZone: ctx.timeZone });
  if (r.ok) return r.input;
  throw new DomainError(
    "invalid",
    "invalid_recurrence",
    `could not understand the recurrence "${r.unparsed}"; say it like "every monday at 9am" or "every 2 weeks"`,
  );
}

/** A tool's `recurrence` (words or the API's object) as the task contract takes it. */
export const repeatInput = (r: string | RecurrenceInput | null | undefined): RecurrenceInput | null | undefined =>
  typeof r === "string" ? { text: r } : r;
