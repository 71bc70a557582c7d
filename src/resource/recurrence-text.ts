/** REST writes: `recurrence.text` read by the shared grammar in the request's zone; not understood → 422. */
import type { RecurrenceWrite } from "../grammar/recurrence-input.ts";
import { readRecurrenceText } from "../grammar/recurrence-input.ts";
import { HttpError } from "../http/errors.ts";

export function withRecurrenceRead<T extends RecurrenceWrite>(input: T, timeZone: string, now = new Date()): T {
  const r = readRecurrenceText(input, { now, timeZone });
  if (r.ok) return r.input;
  throw new HttpError(
    422,
    "invalid_recurrence",
    `could not understand the recurrence "${r.unparsed}"; try e.g. "every monday at 9am" or "every 2 weeks"`,
    [{ path: "recurrence.text", message: "not understood" }],
  );
}
