/**
 * Next occurrences, table-driven, across DST (2030: Europe/Berlin Mar 31 and
 * Oct 27, America/New_York Mar 10 and Nov 3) and in Asia/Kolkata (+05:30).
 * Rules come from the grammar, so the words and the dates are tested together.
 */
import { describe, expect, it } from "vitest";
import { parseRecurrence } from "../../src/grammar/index.ts";
import { toZonedIso } from "../../src/domain/time.ts";
import { checkRule, describeRule, firstOccurrence, nextOccurrence, projectedOccurrences } from "../../src/domain/tasks/recurrence.ts";

const NOW = new Date("2030-01-01T00:00:00Z");
const ruleOf = (text: string, timeZone: string) => parseRecurrence(text, { now: NOW, timeZone })!.recurrence;

type Row = [zone: string, text: string, due: string, next: string];

const ROWS: Row[] = [
  // Berlin, spring forward: 7:00 stays 7:00 (CET → CEST).
  ["Europe/Berlin", "every day at 7am", "2030-03-30T07:00:00+01:00", "2030-03-31T07:00:00+02:00"],
  ["Europe/Berlin", "every day", "2030-03-30T23:59:59+01:00", "2030-03-31T23:59:59+02:00"],
  ["Europe/Berlin", "every week", "2030-03-25T09:00:00+01:00", "2030-04-01T09:00:00+02:00"],
  ["Europe/Berlin", "every weekday at 8:30am", "2030-03-29T08:30:00+01:00", "2030-04-01T08:30:00+02:00"],
  // Berlin, fall back (CEST → CET).
  ["Europe/Berlin", "every day at 7am", "2030-10-26T07:00:00+02:00", "2030-10-27T07:00:00+01:00"],
  ["Europe/Berlin", "every sunday at 10am", "2030-10-20T10:00:00+02:00", "2030-10-27T10:00:00+01:00"],
  ["Europe/Berlin", "every month on the 15th", "2030-10-15T12:00:00+02:00", "2030-11-15T12:00:00+01:00"],
  // New York, spring forward (EST → EDT) and fall back.
  ["America/New_York", "every day at 9am", "2030-03-09T09:00:00-05:00", "2030-03-10T09:00:00-04:00"],
  ["America/New_York", "every saturday and sunday", "2030-03-09T18:00:00-05:00", "2030-03-10T18:00:00-04:00"],
  ["America/New_York", "every day at 9am", "2030-11-02T09:00:00-04:00", "2030-11-03T09:00:00-05:00"],
  ["America/New_York", "every 2 weeks", "2030-10-28T17:00:00-04:00", "2030-11-11T17:00:00-05:00"],
  ["America/New_York", "every last day of the month", "2030-10-31T20:00:00-04:00", "2030-11-30T20:00:00-05:00"],
  // Kolkata: no DST, a half-hour offset; the local date matters, not the UTC one.
  ["Asia/Kolkata", "every day at 7am", "2030-01-05T07:00:00+05:30", "2030-01-06T07:00:00+05:30"],
  ["Asia/Kolkata", "every monday", "2030-01-07T01:00:00+05:30", "2030-01-14T01:00:00+05:30"],
  ["Asia/Kolkata", "every mon, wed, fri at 6pm", "2030-01-07T18:00:00+05:30", "2030-01-09T18:00:00+05:30"],
  // The forms of the issue.
  ["UTC", "every weekend", "2030-01-05T10:00:00Z", "2030-01-06T10:00:00Z"],
  ["UTC", "every weekend", "2030-01-06T10:00:00Z", "2030-01-12T10:00:00Z"],
  ["UTC", "every weekday", "2030-01-04T10:00:00Z", "2030-01-07T10:00:00Z"],
  ["UTC", "every 3 days", "2030-01-30T10:00:00Z", "2030-02-02T10:00:00Z"],
  ["UTC", "every 6 months", "2030-08-31T10:00:00Z", "2031-02-28T10:00:00Z"],
  ["UTC", "every 2 years", "2030-05-01T10:00:00Z", "2032-05-01T10:00:00Z"],
  ["UTC", "every monday", "2030-01-07T10:00:00Z", "2030-01-14T10:00:00Z"],
  ["UTC", "every mon, wed, fri", "2030-01-09T10:00:00Z", "2030-01-11T10:00:00Z"],
  ["UTC", "every month on the 15th", "2030-01-15T10:00:00Z", "2030-02-15T10:00:00Z"],
  ["UTC", "every last day of the month", "2030-01-31T10:00:00Z", "2030-02-28T10:00:00Z"],
  ["UTC", "every 2nd tuesday", "2030-01-08T10:00:00Z", "2030-02-12T10:00:00Z"],
  ["UTC", "every year on march 3", "2030-03-03T10:00:00Z", "2031-03-03T10:00:00Z"],
  ["UTC", "every day at 7am until jan 3, 2030", "2030-01-02T07:00:00Z", "2030-01-03T07:00:00Z"],
  // A due date on a day the month lacks lands on its last day (RFC 7529 SKIP=BACKWARD).
  ["UTC", "every month", "2030-01-31T10:00:00Z", "2030-02-28T10:00:00Z"],
  ["UTC", "every year", "2028-02-29T10:00:00Z", "2030-02-28T10:00:00Z"],
  // A rescheduled task repeats from its new date.
  ["UTC", "every monday", "2030-01-09T10:00:00Z", "2030-01-14T10:00:00Z"],
];

describe("nextOccurrence", () => {
  it.each(ROWS)("%s: %s from %s", (zone, text, due, next) => {
    const { rule } = ruleOf(text, zone);
    const got = nextOccurrence({ rule, from: "due", completed: 0 }, new Date(due), zone, NOW);
    expect(got && toZonedIso(got, zone)).toBe(next.replace("+00:00", "Z"));
  });

  it("ends at UNTIL and at COUNT completions", () => {
    const until = ruleOf("every day until jan 3, 2030", "UTC").rule;
    expect(
      nextOccurrence({ rule: until, from: "due", completed: 0 }, new Date("2030-01-03T10:00:00Z"), "UTC", NOW),
    ).toBeNull();
    const count = ruleOf("every day for 3 times", "UTC").rule;
    expect(
      nextOccurrence({ rule: count, from: "due", completed: 1 }, new Date("2030-01-02T10:00:00Z"), "UTC", NOW),
    ).not.toBeNull();
    expect(
      nextOccurrence({ rule: count, from: "due", completed: 2 }, new Date("2030-01-03T10:00:00Z"), "UTC", NOW),
    ).toBeNull();
    // A skip does not count.
    expect(
      nextOccurrence({ rule: count, from: "due", completed: 2 }, new Date("2030-01-03T10:00:00Z"), "UTC", NOW, false),
    ).not.toBeNull();
  });

  it("an overdue task comes back after now, not in the past", () => {
    const rule = ruleOf("every day at 9am", "UTC").rule;
    const got = nextOccurrence(
      { rule, from: "due", completed: 0 },
      new Date("2029-12-20T09:00:00Z"),
      "UTC",
      new Date("2030-01-01T12:00:00Z"),
    );
    expect(got?.toISOString()).toBe("2030-01-02T09:00:00.000Z");
  });

  it.each([
    ["every! 3 days", "2030-01-01T15:00:00Z", "2030-01-04T09:00:00Z"],
    ["every! week", "2030-01-01T15:00:00Z", "2030-01-08T09:00:00Z"],
    ["every! monday", "2030-01-02T15:00:00Z", "2030-01-07T09:00:00Z"],
    ["every! day", "2030-01-01T08:00:00Z", "2030-01-02T09:00:00Z"],
  ])("%s counts from the completion (%s) at the task's time of day", (text, now, next) => {
    const { rule, from } = ruleOf(text, "UTC");
    expect(from).toBe("completion");
    const got = nextOccurrence({ rule, from, completed: 0 }, new Date("2029-12-01T09:00:00Z"), "UTC", new Date(now));
    expect(got?.toISOString()).toBe(new Date(next).toISOString());
  });

  it("every! keeps the local time across a DST switch (Berlin)", () => {
    const { rule, from } = ruleOf("every! 2 days", "Europe/Berlin");
    const got = nextOccurrence(
      { rule, from, completed: 0 },
      new Date("2030-03-01T08:00:00+01:00"),
      "Europe/Berlin",
      new Date("2030-03-30T12:00:00+01:00"),
    );
    expect(got && toZonedIso(got, "Europe/Berlin")).toBe("2030-04-01T08:00:00+02:00");
  });
});

describe("firstOccurrence", () => {
  it.each([
    ["UTC", "every day at 7am", "2030-01-01T06:00:00Z", "2030-01-01T07:00:00Z"],
    ["UTC", "every day at 7am", "2030-01-01T08:00:00Z", "2030-01-02T07:00:00Z"],
    ["UTC", "every day", "2030-01-01T08:00:00Z", "2030-01-01T23:59:59Z"],
    ["UTC", "every monday", "2030-01-01T08:00:00Z", "2030-01-07T23:59:59Z"],
    ["Asia/Kolkata", "every day", "2030-01-01T20:00:00Z", "2030-01-02T23:59:59+05:30"],
    ["America/New_York", "every month on the 15th at 9am", "2030-03-01T12:00:00Z", "2030-03-15T09:00:00-04:00"],
  ])("%s: %s at %s", (zone, text, now, first) => {
    const got = firstOccurrence(ruleOf(text, zone).rule, zone, new Date(now));
    expect(got && toZonedIso(got, zone)).toBe(first);
  });
});

describe("projectedOccurrences", () => {
  const day = (s: string) => new Date(`${s}T00:00:00Z`);
  it("are strictly after the due date and inside [from, to)", () => {
    const rule = ruleOf("every day at 9am", "UTC").rule;
    const got = projectedOccurrences(
      { rule, from: "due", completed: 0 },
      new Date("2030-01-03T09:00:00Z"),
      "UTC",
      day("2030-01-01"),
      day("2030-01-06"),
      62,
    );
    expect(got.map((d) => d.toISOString().slice(0, 10))).toEqual(["2030-01-04", "2030-01-05"]);
  });
  it("leave only the occurrences COUNT has not used up", () => {
    const rule = ruleOf("every day for 5 times", "UTC").rule;
    const got = projectedOccurrences(
      { rule, from: "due", completed: 1 },
      new Date("2030-01-02T09:00:00Z"),
      "UTC",
      day("2030-01-04"),
      day("2030-01-30"),
      62,
    );
    // Due Jan 2 is the 2nd; Jan 3, 4, 5 are left; Jan 3 is before the window.
    expect(got.map((d) => d.toISOString().slice(0, 10))).toEqual(["2030-01-04", "2030-01-05"]);
  });
  it("stop at the per-task cap", () => {
    const rule = ruleOf("every hour", "UTC").rule;
    expect(
      projectedOccurrences(
        { rule, from: "due", completed: 0 },
        day("2030-01-01"),
        "UTC",
        day("2030-01-01"),
        day("2030-01-10"),
        62,
      ),
    ).toHaveLength(62);
  });
});

describe("checkRule", () => {
  it.each([
    "FREQ=DAILY",
    "freq=weekly;byday=mo,fr",
    "RRULE:FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3;COUNT=4",
  ])("accepts %s", (rule) => {
    expect(checkRule(rule)).toBe(rule.toUpperCase().replace(/^RRULE:/, ""));
  });
  it.each([
    "",
    "BYDAY=MO",
    "FREQ=SECONDLY",
    "FREQ=MINUTELY",
    "FREQ=DAILY;BYDAY=XX",
    "FREQ=DAILY;NONSENSE=1",
    "FREQ=DAILY;COUNT=0",
    "FREQ=DAILY;INTERVAL=abc",
  ])("refuses %s", (rule) => {
    expect(() => checkRule(rule)).toThrow(/recurrence rule/);
  });
  it("describes a rule in words", () => {
    expect(describeRule("FREQ=WEEKLY;BYDAY=MO")).toMatch(/week.*Monday/i);
  });
});
