/** `recurrence.text` as the task API takes it: a whole phrase, or a 422 — never a guess. */
import { describe, expect, it } from "vitest";
import { parseRecurrence, type GrammarContext } from "./index.ts";
import { readRecurrenceText } from "./recurrence-input.ts";

const CTX: GrammarContext = { now: new Date("2026-11-28T10:00:00Z"), timeZone: "Europe/Berlin" };

describe("parseRecurrence", () => {
  it.each([
    ["every day", "FREQ=DAILY", "due"],
    ["every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "due"],
    ["every weekend", "FREQ=WEEKLY;BYDAY=SA,SU", "due"],
    ["every 3 weeks", "FREQ=WEEKLY;INTERVAL=3", "due"],
    ["every mon, wed, fri", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "due"],
    ["every month on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15", "due"],
    ["every last day of the month", "FREQ=MONTHLY;BYMONTHDAY=-1", "due"],
    ["every 2nd tuesday", "FREQ=MONTHLY;BYDAY=2TU", "due"],
    ["every year on march 3", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3", "due"],
    ["every day at 7am", "FREQ=DAILY;BYHOUR=7;BYMINUTE=0", "due"],
    ["every day for 5 times", "FREQ=DAILY;COUNT=5", "due"],
    ["every! 2 weeks", "FREQ=WEEKLY;INTERVAL=2", "completion"],
    ["every month after completion", "FREQ=MONTHLY", "completion"],
    ["Every Monday At 9AM", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0", "due"],
    ["daily", "FREQ=DAILY", "due"],
    // "every" may be left out in a field that only takes a recurrence.
    ["monday", "FREQ=WEEKLY;BYDAY=MO", "due"],
    ["2 weeks", "FREQ=WEEKLY;INTERVAL=2", "due"],
  ])("%s", (text, rule, from) => {
    expect(parseRecurrence(text, CTX)?.recurrence).toMatchObject({ rule, from });
  });

  it("'until' is the end of that day in the user's zone", () => {
    expect(parseRecurrence("every day until dec 31", CTX)?.recurrence.rule).toBe("FREQ=DAILY;UNTIL=20261231T225959Z");
  });

  it("'starting' gives a due date", () => {
    expect(parseRecurrence("every day at 7am starting dec 1", CTX)?.due).toEqual({
      date: "2026-12-01",
      time: "07:00",
      at: "2026-12-01T07:00:00+01:00",
    });
  });

  it.each(["", "sometimes", "every blue moon", "every day and buy milk", "tomorrow", "every monday #work"])(
    "refuses %j",
    (text) => {
      expect(parseRecurrence(text, CTX)).toBeNull();
    },
  );
});

describe("readRecurrenceText", () => {
  it("turns text into the stored rule and keeps an explicit due date", () => {
    const r = readRecurrenceText(
      { recurrence: { text: "every day starting dec 1" }, due_at: "2026-12-05T10:00:00Z" },
      CTX,
    );
    expect(r).toEqual({
      ok: true,
      input: { recurrence: { rule: "FREQ=DAILY", text: "every day", from: "due" }, due_at: "2026-12-05T10:00:00Z" },
    });
  });
  it("uses 'starting' when no due date is given, and lets `from` override", () => {
    const r = readRecurrenceText({ recurrence: { text: "every week starting dec 7", from: "completion" } }, CTX);
    expect(r).toMatchObject({
      ok: true,
      input: { recurrence: { rule: "FREQ=WEEKLY", from: "completion" }, due_at: "2026-12-07T22:59:59.000Z" },
    });
  });
  it("leaves a rule alone and names text it could not read", () => {
    expect(readRecurrenceText({ recurrence: { rule: "FREQ=DAILY" } }, CTX)).toEqual({
      ok: true,
      input: { recurrence: { rule: "FREQ=DAILY" } },
    });
    expect(readRecurrenceText({ recurrence: { text: "whenever" } }, CTX)).toEqual({ ok: false, unparsed: "whenever" });
  });
});
