import { describe, expect, it } from "vitest";
import { describeDate, dayRange, findDate, weekRange } from "./dates.ts";
import { formatClock, parseClock } from "./clock.ts";
import { toZonedIso, wallToInstant } from "../../../domain/time.ts";

const utc = { now: new Date("2026-11-28T10:00:00Z"), timeZone: "UTC" }; // a Saturday
const ny = { now: new Date("2026-11-28T03:00:00Z"), timeZone: "America/New_York" }; // Fri 22:00 local

describe("clock line", () => {
  it("round-trips", () => {
    const line = formatClock(new Date("2026-11-28T10:00:00Z"), "Europe/Paris");
    expect(line).toBe("Current time: 2026-11-28T10:00:00.000Z. User time zone: Europe/Paris.");
    expect(parseClock(`You are Tickler.\n${line}\nBe brief.`)).toEqual({ now: new Date("2026-11-28T10:00:00Z"), timeZone: "Europe/Paris" });
  });
  it("falls back to UTC for a missing or bogus zone", () => {
    expect(parseClock("Current time: 2026-11-28T10:00:00Z. User time zone: Mars/Olympus.").timeZone).toBe("UTC");
    expect(parseClock("nothing here", () => new Date(0))).toEqual({ now: new Date(0), timeZone: "UTC" });
  });
});

describe("findDate", () => {
  const iso = (text: string, clock = utc) => findDate(text, clock)?.iso;
  it("reads times in the user's zone", () => {
    expect(iso("buy milk tomorrow 9am")).toBe("2026-11-29T09:00:00Z");
    expect(iso("tomorrow 9am", ny)).toBe("2026-11-28T09:00:00-05:00");
    expect(iso("next monday 10am")).toBe("2026-11-30T10:00:00Z");
    expect(iso("in 2 hours", ny)).toBe("2026-11-28T00:00:00-05:00");
  });
  it("puts date-only phrases at the end of the day", () => {
    expect(iso("call mom on friday")).toBe("2026-12-04T23:59:59Z");
    expect(iso("pay rent due Dec 1")).toBe("2026-12-01T23:59:59Z");
    expect(iso("pay rent due Dec 1", ny)).toBe("2026-12-01T23:59:59-05:00");
  });
  it("ignores month names inside titles", () => {
    expect(findDate("plan may trip", utc)).toBeNull();
    expect(iso("plan may trip by may 3")).toBe("2027-05-03T23:59:59Z");
  });
});

describe("ranges and descriptions", () => {
  it("computes local day and week ranges", () => {
    expect(dayRange(ny, 0, 1)).toEqual({ due_after: "2026-11-27T00:00:00-05:00", due_before: "2026-11-28T00:00:00-05:00" });
    expect(weekRange(utc, "this")).toEqual({ due_after: "2026-11-28T00:00:00Z", due_before: "2026-11-30T00:00:00Z" });
    expect(weekRange(utc, "next")).toEqual({ due_after: "2026-11-30T00:00:00Z", due_before: "2026-12-07T00:00:00Z" });
  });
  it("describes dates relative to now", () => {
    expect(describeDate("2026-11-29T09:00:00Z", utc)).toBe("tomorrow at 9:00 AM");
    expect(describeDate("2026-12-04T23:59:59Z", utc)).toBe("Friday, Dec 4");
    expect(describeDate("2027-01-03T23:59:59Z", utc)).toBe("Jan 3, 2027");
    expect(describeDate("2026-11-27T15:30:00Z", utc)).toBe("yesterday at 3:30 PM");
  });
  it("handles DST", () => {
    const w = { year: 2026, month: 3, day: 8, hour: 12, minute: 0, second: 0 };
    expect(toZonedIso(wallToInstant(w, "America/New_York"), "America/New_York")).toBe("2026-03-08T12:00:00-04:00");
  });
});
