/** Due dates between form inputs, ISO and labels (TZ=UTC in this project, so local time is UTC). */
import { describe, expect, it } from "vitest";
import { describeDue, fromLocalInputs, toLocalInputs } from "./task-dates.ts";

const NOW = new Date("2026-12-02T15:30:00Z");

describe("form inputs ⇄ ISO", () => {
  it("a date without a time means the whole day (23:59) and shows no time back", () => {
    expect(fromLocalInputs("2026-12-24", "")).toBe("2026-12-24T23:59:00.000Z");
    expect(toLocalInputs("2026-12-24T23:59:00.000Z")).toEqual({ date: "2026-12-24", time: "" });
  });

  it("round-trips a date with a time", () => {
    const iso = fromLocalInputs("2026-01-05", "09:05");
    expect(iso).toBe("2026-01-05T09:05:00.000Z");
    expect(toLocalInputs(iso)).toEqual({ date: "2026-01-05", time: "09:05" });
  });

  it("no or malformed date is no due date", () => {
    expect(fromLocalInputs("", "09:00")).toBeNull();
    expect(fromLocalInputs("24.12.2026", "")).toBeNull();
    expect(fromLocalInputs("2026-12-24", "nine")).toBeNull();
    expect(toLocalInputs(null)).toEqual({ date: "", time: "" });
  });
});

describe("describeDue", () => {
  it("names the nearby days and marks their urgency", () => {
    expect(describeDue("2026-12-02T23:59:00Z", false, NOW)).toMatchObject({ label: "Today", tone: "today" });
    expect(describeDue("2026-12-03T23:59:00Z", false, NOW)).toMatchObject({ label: "Tomorrow", tone: "soon" });
    expect(describeDue("2026-12-01T23:59:00Z", false, NOW)).toMatchObject({ label: "Yesterday", tone: "overdue" });
    expect(describeDue("2026-12-04T23:59:00Z", false, NOW).tone).toBe("soon");
    expect(describeDue("2026-12-05T23:59:00Z", false, NOW).tone).toBe("later");
  });

  it("a time earlier today is overdue, unless the task is done", () => {
    expect(describeDue("2026-12-02T09:00:00Z", false, NOW)).toMatchObject({
      label: expect.stringMatching(/^Today \d/),
      tone: "overdue",
    });
    expect(describeDue("2026-12-02T09:00:00Z", true, NOW).tone).toBe("today");
  });

  it("adds the year only outside the current one", () => {
    expect(describeDue("2026-12-20T23:59:00Z", false, NOW).label).not.toMatch(/2026/);
    expect(describeDue("2027-01-20T23:59:00Z", false, NOW).label).toMatch(/2027/);
  });
});
