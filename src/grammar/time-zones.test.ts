/**
 * The same words in different zones and across DST switches (2026: Europe/Berlin
 * Mar 29 and Oct 25, America/New_York Mar 8 and Nov 1) and in Asia/Kolkata
 * (+05:30, no DST). Nothing may depend on the host's own zone.
 */
import { describe, expect, it } from "vitest";
import { parseQuickAdd, type GrammarContext } from "./index.ts";

const ctx = (now: string, timeZone: string): GrammarContext => ({ now: new Date(now), timeZone });

type Row = [label: string, now: string, zone: string, input: string, date: string, time: string | undefined, at: string];

const ROWS: Row[] = [
  // Berlin, spring forward (02:00 CET → 03:00 CEST on Sunday Mar 29)
  ["Berlin: tomorrow 9am is CEST", "2026-03-28T11:00:00Z", "Europe/Berlin", "tomorrow 9am", "2026-03-29", "09:00", "2026-03-29T09:00:00+02:00"],
  ["Berlin: tomorrow ends in CEST", "2026-03-28T11:00:00Z", "Europe/Berlin", "tomorrow", "2026-03-29", undefined, "2026-03-29T23:59:59+02:00"],
  ["Berlin: 02:30 does not exist and becomes 03:30", "2026-03-28T11:00:00Z", "Europe/Berlin", "tomorrow 2:30am", "2026-03-29", "03:30", "2026-03-29T03:30:00+02:00"],
  ["Berlin: in 24 hours is 13:00 after the switch", "2026-03-28T11:00:00Z", "Europe/Berlin", "in 24 hours", "2026-03-29", "13:00", "2026-03-29T13:00:00+02:00"],
  ["Berlin: in 1 day is a calendar day", "2026-03-28T11:00:00Z", "Europe/Berlin", "in 1 day", "2026-03-29", undefined, "2026-03-29T23:59:59+02:00"],
  ["Berlin: next monday after the switch", "2026-03-28T11:00:00Z", "Europe/Berlin", "next monday 8am", "2026-03-30", "08:00", "2026-03-30T08:00:00+02:00"],
  // Berlin, fall back (03:00 CEST → 02:00 CET on Sunday Oct 25)
  ["Berlin: tomorrow 9am is CET", "2026-10-24T10:00:00Z", "Europe/Berlin", "tomorrow 9am", "2026-10-25", "09:00", "2026-10-25T09:00:00+01:00"],
  ["Berlin: in 1 hour lands in the first 02:30", "2026-10-24T23:30:00Z", "Europe/Berlin", "in 1 hour", "2026-10-25", "02:30", "2026-10-25T02:30:00+02:00"],
  ["Berlin: in 2 hours lands in the second 02:30", "2026-10-24T23:30:00Z", "Europe/Berlin", "in 2 hours", "2026-10-25", "02:30", "2026-10-25T02:30:00+01:00"],
  // New York, spring forward (02:00 EST → 03:00 EDT on Sunday Mar 8)
  ["NY: tomorrow 9am is EDT", "2026-03-07T17:00:00Z", "America/New_York", "tomorrow 9am", "2026-03-08", "09:00", "2026-03-08T09:00:00-04:00"],
  ["NY: 02:15 does not exist and becomes 03:15", "2026-03-07T17:00:00Z", "America/New_York", "tomorrow at 2:15am", "2026-03-08", "03:15", "2026-03-08T03:15:00-04:00"],
  ["NY: a time alone on the switch night", "2026-03-08T06:30:00Z", "America/New_York", "9am", "2026-03-08", "09:00", "2026-03-08T09:00:00-04:00"],
  // New York, fall back (02:00 EDT → 01:00 EST on Sunday Nov 1)
  ["NY: tomorrow 9am is EST", "2026-10-31T16:00:00Z", "America/New_York", "tomorrow 9am", "2026-11-01", "09:00", "2026-11-01T09:00:00-05:00"],
  ["NY: in 2 hours lands in the second 01:30", "2026-11-01T04:30:00Z", "America/New_York", "in 2 hours", "2026-11-01", "01:30", "2026-11-01T01:30:00-05:00"],
  ["NY: friday after the switch", "2026-10-31T16:00:00Z", "America/New_York", "friday 5pm", "2026-11-06", "17:00", "2026-11-06T17:00:00-05:00"],
  // Late evening: the local day, not the UTC day
  ["NY: 22:30 Saturday is still Saturday", "2026-11-29T03:30:00Z", "America/New_York", "tomorrow at 8am", "2026-11-29", "08:00", "2026-11-29T08:00:00-05:00"],
  ["NY: today is the local Saturday", "2026-11-29T03:30:00Z", "America/New_York", "today", "2026-11-28", undefined, "2026-11-28T23:59:59-05:00"],
  // Kolkata: +05:30 — 20:00 UTC Saturday is 01:30 Sunday
  ["Kolkata: today is already Sunday", "2026-11-28T20:00:00Z", "Asia/Kolkata", "today", "2026-11-29", undefined, "2026-11-29T23:59:59+05:30"],
  ["Kolkata: tomorrow 9am", "2026-11-28T20:00:00Z", "Asia/Kolkata", "tomorrow 9am", "2026-11-30", "09:00", "2026-11-30T09:00:00+05:30"],
  ["Kolkata: 9am is still ahead today", "2026-11-28T20:00:00Z", "Asia/Kolkata", "9am", "2026-11-29", "09:00", "2026-11-29T09:00:00+05:30"],
  ["Kolkata: in 2 hours", "2026-11-28T20:00:00Z", "Asia/Kolkata", "in 2 hours", "2026-11-29", "03:30", "2026-11-29T03:30:00+05:30"],
  ["Kolkata: next friday", "2026-11-28T20:00:00Z", "Asia/Kolkata", "next fri 6:45pm", "2026-12-04", "18:45", "2026-12-04T18:45:00+05:30"],
  ["Kolkata: end of month", "2026-11-30T19:00:00Z", "Asia/Kolkata", "end of month", "2026-12-31", undefined, "2026-12-31T23:59:59+05:30"],
];

describe("time zones and DST", () => {
  it.each(ROWS)("%s", (_label, now, zone, input, date, time, at) => {
    const due = parseQuickAdd(`task ${input}`, ctx(now, zone)).due;
    expect(due).toEqual(time ? { date, time, at } : { date, at });
  });

  it("gives every zone its own 'today' for the same instant", () => {
    const now = "2026-11-28T23:30:00Z";
    const dates = ["Pacific/Honolulu", "America/New_York", "UTC", "Europe/Berlin", "Asia/Kolkata", "Pacific/Kiritimati"].map(
      (z) => parseQuickAdd("x today", ctx(now, z)).due?.date,
    );
    expect(dates).toEqual(["2026-11-28", "2026-11-28", "2026-11-28", "2026-11-29", "2026-11-29", "2026-11-29"]);
  });

  it("puts UNTIL at the end of the local day, in UTC", () => {
    const until = (zone: string) => /UNTIL=(\w+)/.exec(parseQuickAdd("x every day until dec 31", ctx("2026-11-28T10:00:00Z", zone)).recurrence?.rule ?? "")?.[1];
    expect(until("UTC")).toBe("20261231T235959Z");
    expect(until("Europe/Berlin")).toBe("20261231T225959Z");
    expect(until("America/New_York")).toBe("20270101T045959Z");
    expect(until("Asia/Kolkata")).toBe("20261231T182959Z");
  });
});
