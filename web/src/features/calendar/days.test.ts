import { describe, expect, it } from "vitest";
import {
  addDays,
  allDayOn,
  byDay,
  dayHeading,
  dayKey,
  monthWeeks,
  moveToDay,
  parseDayKey,
  startOfWeek,
  weekDays,
} from "./days.ts";

// The web project runs with TZ=UTC, so local days are UTC days here.
describe("calendar days", () => {
  const wed = new Date("2026-12-02T10:00:00Z");

  it("keys and parses local days, refusing impossible dates", () => {
    expect(dayKey(wed)).toBe("2026-12-02");
    expect(parseDayKey("2026-12-02")?.getTime()).toBe(new Date(2026, 11, 2).getTime());
    expect(parseDayKey("2026-02-30")).toBeNull();
    expect(parseDayKey("tomorrow")).toBeNull();
    expect(parseDayKey(null)).toBeNull();
  });

  it("weeks start on Monday; a month shows whole weeks", () => {
    expect(dayKey(startOfWeek(wed))).toBe("2026-11-30");
    expect(weekDays(wed).map(dayKey)).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
    ]);
    const weeks = monthWeeks(wed);
    expect(weeks).toHaveLength(5);
    expect(dayKey(weeks[0]![0]!)).toBe("2026-11-30");
    expect(dayKey(weeks[4]![6]!)).toBe("2027-01-03");
    // February 2027 starts on a Monday and has exactly four weeks.
    expect(monthWeeks(new Date(2027, 1, 10))).toHaveLength(4);
  });

  it("heads days as Today, Tomorrow, then weekday and date", () => {
    expect(dayHeading(wed, wed)).toBe("Today");
    expect(dayHeading(addDays(wed, 1), wed)).toBe("Tomorrow");
    expect(dayHeading(addDays(wed, 2), wed)).toMatch(/Fri/);
    expect(dayHeading(addDays(wed, 2), wed)).toMatch(/4/);
  });

  it("moves a due date to another day keeping its time of day", () => {
    expect(moveToDay("2026-12-02T09:30:00.000Z", new Date(2026, 11, 10))).toBe("2026-12-10T09:30:00.000Z");
    expect(allDayOn(new Date(2026, 11, 10))).toBe("2026-12-10T23:59:00.000Z");
  });

  it("groups by the local day of due_at, skipping undated ones", () => {
    const groups = byDay([
      { id: 1, due_at: "2026-12-02T08:00:00Z" },
      { id: 2, due_at: null },
      { id: 3, due_at: "2026-12-03T08:00:00Z" },
      { id: 4, due_at: "2026-12-02T20:00:00Z" },
    ]);
    expect([...groups.keys()]).toEqual(["2026-12-02", "2026-12-03"]);
    expect(groups.get("2026-12-02")!.map((x) => x.id)).toEqual([1, 4]);
  });
});
