/** Reminder phrases. Fixed clock: Saturday 2026-11-28 10:00 UTC. */
import { describe, expect, it } from "vitest";
import { parseQuickAdd, parseReminder, REMINDERS_MAX, type GrammarContext, type Reminder } from "./index.ts";

const SAT: GrammarContext = { now: new Date("2026-11-28T10:00:00Z"), timeZone: "UTC" };

type Row = [input: string, reminders: Reminder[], title: string];

const ROWS: Row[] = [
  ["call mom tomorrow remind me 30 minutes before", [{ before_minutes: 30 }], "call mom"],
  ["call mom remind me 1 hour before", [{ before_minutes: 60 }], "call mom"],
  ["call mom remind me an hour before", [{ before_minutes: 60 }], "call mom"],
  ["call mom remind me half an hour before", [{ before_minutes: 30 }], "call mom"],
  ["call mom remind me 15 min before", [{ before_minutes: 15 }], "call mom"],
  ["call mom remind me 2 days before", [{ before_minutes: 2880 }], "call mom"],
  ["call mom remind me a week before", [{ before_minutes: 10080 }], "call mom"],
  ["call mom reminder 1 day earlier", [{ before_minutes: 1440 }], "call mom"],
  ["call mom, remind me 10 minutes before it's due", [{ before_minutes: 10 }], "call mom"],
  ["call mom remind me in 2 hours", [{ at: "2026-11-28T12:00:00Z" }], "call mom"],
  ["call mom remind me in 20 minutes", [{ at: "2026-11-28T10:20:00Z" }], "call mom"],
  ["call mom remind me at 8am", [{ at: "2026-11-29T08:00:00Z" }], "call mom"],
  ["call mom remind me at 11am", [{ at: "2026-11-28T11:00:00Z" }], "call mom"],
  ["meeting friday 3pm remind me at 8am", [{ at: "2026-12-04T08:00:00Z" }], "meeting"],
  ["remind me at 8am meeting friday 3pm", [{ at: "2026-12-04T08:00:00Z" }], "meeting"],
  ["call mom remind me tomorrow at 9am", [{ at: "2026-11-29T09:00:00Z" }], "call mom"],
  ["call mom remind me on friday", [{ at: "2026-12-04T09:00:00Z" }], "call mom"],
  ["call mom remind me: 5pm", [{ at: "2026-11-28T17:00:00Z" }], "call mom"],
  ["exam dec 10 remind me 1 day before remind me 1 hour before", [{ before_minutes: 1440 }, { before_minutes: 60 }], "exam"],
  // Not reminders: "remind me to …" is how people phrase the task itself
  ["remind me to call mom", [], "remind me to call mom"],
  ["buy reminder cards", [], "buy reminder cards"],
];

describe("reminders", () => {
  it.each(ROWS)("%s", (input, reminders, title) => {
    const r = parseQuickAdd(input, SAT);
    expect(r.reminders).toEqual(reminders);
    expect(r.title).toBe(title);
  });

  it("reads 'remind me at 8am' in the user's zone, on the due day", () => {
    const r = parseQuickAdd("flight dec 5 remind me at 6am", { now: SAT.now, timeZone: "America/New_York" });
    expect(r.reminders).toEqual([{ at: "2026-12-05T06:00:00-05:00" }]);
  });

  it(`takes at most ${REMINDERS_MAX}; the rest stays in the title`, () => {
    const six = Array.from({ length: 6 }, (_, i) => `remind me ${i + 1} hours before`).join(" ");
    const r = parseQuickAdd(`exam ${six}`, SAT);
    expect(r.reminders).toHaveLength(REMINDERS_MAX);
    expect(r.title).toBe("exam remind me 6 hours before");
  });
});

describe("parseReminder (a reminder for a task that exists)", () => {
  it.each<[string, Reminder | null]>([
    ["30 minutes before", { before_minutes: 30 }],
    ["an hour before it's due", { before_minutes: 60 }],
    ["remind me 2 days before", { before_minutes: 2880 }],
    ["in 2 hours", { at: "2026-11-28T12:00:00Z" }],
    // No due date is said with it: a time alone is the next time the clock shows it.
    ["at 8am", { at: "2026-11-29T08:00:00Z" }],
    ["at 11am", { at: "2026-11-28T11:00:00Z" }],
    ["tomorrow at 9am", { at: "2026-11-29T09:00:00Z" }],
    ["on friday", { at: "2026-12-04T09:00:00Z" }],
    // Left-over words, or no reminder at all: not a guess
    ["rent at 8am", null],
    ["3 30 minutes before", null],
    ["at 8", null],
    ["", null],
    ["30 minutes before and 1 day before", null],
  ])("%s", (text, reminder) => {
    expect(parseReminder(text, SAT)).toEqual(reminder);
  });

  it("reads the time in the user's zone", () => {
    expect(parseReminder("at 8am", { now: SAT.now, timeZone: "America/New_York" })).toEqual({ at: "2026-11-28T08:00:00-05:00" });
  });
});
