/** The feed's RFC 5545 writer, read back by an independent parser (ical.js). */
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine, type FeedTask } from "./ical.ts";

const task = (over: Partial<FeedTask> = {}): FeedTask => ({
  id: 1,
  title: "Pay rent",
  description: null,
  due_at: "2026-12-03T09:00:00.000Z",
  priority: "none",
  tags: [],
  updated_at: "2026-12-01T10:00:00.000Z",
  rrule: null,
  ...over,
});
const opts = { uidDomain: "u1", timeZone: "UTC", name: "Tickler", now: new Date("2026-12-02T06:00:00Z") };
const parse = (ics: string) => new ICAL.Component(ICAL.parse(ics));
const events = (ics: string) =>
  parse(ics)
    .getAllSubcomponents("vevent")
    .map((v) => new ICAL.Event(v));

describe("iCalendar writer", () => {
  it("writes CRLF lines of at most 75 octets, folded without splitting a character", () => {
    const long = "Überweisung für die Miete — ".repeat(8) + "🏠".repeat(30);
    const ics = buildCalendar([task({ title: long, description: "line one\nline two; a, b \\ c" })], opts);
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ics.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const [ev] = events(ics);
    expect(ev!.summary).toBe(long);
    expect(ev!.description).toBe("line one\nline two; a, b \\ c");
  });

  it("escapes TEXT and drops control characters", () => {
    expect(escapeText("a;b,c\\d\r\ne\u0007")).toBe("a\\;b\\,c\\\\d\\ne");
    expect(foldLine("x".repeat(75))).toBe("x".repeat(75));
    expect(foldLine("x".repeat(76))).toBe(`${"x".repeat(75)}\r\n x`);
  });

  it("a timed task is a 30-minute UTC event with a stable UID, categories and priority", () => {
    const ics = buildCalendar([task({ tags: ["work", "a,b"], priority: "high" })], opts);
    const [ev] = events(ics);
    expect(ev!.uid).toBe("task-1-u1@tickler");
    expect(ev!.startDate.toJSDate().toISOString()).toBe("2026-12-03T09:00:00.000Z");
    expect(ev!.endDate.toJSDate().toISOString()).toBe("2026-12-03T09:30:00.000Z");
    expect(ev!.component.getFirstProperty("categories")!.getValues()).toEqual(["work", "a,b"]);
    expect(ev!.component.getFirstPropertyValue("priority")).toBe(1);
    expect(ics).toContain("DTSTAMP:20261202T060000Z");
  });

  it("a task due at 23:59 in the user's zone is an all-day event on that day", () => {
    // 23:59 in Berlin on 3 Dec is 22:59 UTC.
    const ics = buildCalendar([task({ due_at: "2026-12-03T22:59:00.000Z" })], { ...opts, timeZone: "Europe/Berlin" });
    const [ev] = events(ics);
    expect(ev!.startDate.isDate).toBe(true);
    expect(ev!.startDate.toString()).toBe("2026-12-03");
    expect(ev!.endDate.toString()).toBe("2026-12-04");
  });

  it("a recurring task is an RRULE event in the user's zone, with its VTIMEZONE, so 9:00 stays 9:00 across DST", () => {
    // Mondays 9:00 in New York, from 2 March 2026 (EST) past the 8 March switch to EDT.
    const ics = buildCalendar([task({ due_at: "2026-03-02T14:00:00.000Z", rrule: "FREQ=WEEKLY;BYDAY=MO;COUNT=3" })], {
      ...opts,
      timeZone: "America/New_York",
    });
    const cal = parse(ics);
    const vtz = cal.getFirstSubcomponent("vtimezone")!;
    expect(vtz.getFirstPropertyValue("tzid")).toBe("America/New_York");
    ICAL.TimezoneService.register(vtz);
    const ev = new ICAL.Event(cal.getFirstSubcomponent("vevent")!);
    expect(ev.isRecurring()).toBe(true);
    expect(ics).toContain("DTSTART;TZID=America/New_York:20260302T090000");
    const it = ev.iterator();
    const got: string[] = [];
    for (let next = it.next(); next; next = it.next()) got.push(next.toJSDate().toISOString());
    expect(got).toEqual(["2026-03-02T14:00:00.000Z", "2026-03-09T13:00:00.000Z", "2026-03-16T13:00:00.000Z"]);
  });

  it("an RRULE that could break out of its line is left out, never written raw", () => {
    const ics = buildCalendar([task({ rrule: "FREQ=DAILY\r\nBEGIN:VALARM" })], opts);
    expect(ics).not.toContain("VALARM");
    expect(events(ics)[0]!.isRecurring()).toBe(false);
  });

  it("an empty feed is still a valid calendar", () => {
    const cal = parse(buildCalendar([], opts));
    expect(cal.name).toBe("vcalendar");
    expect(cal.getFirstPropertyValue("version")).toBe("2.0");
    expect(cal.getAllSubcomponents("vevent")).toHaveLength(0);
  });
});
