import { describe, expect, it } from "vitest";
import { toZonedIso, wallToInstant } from "./time.ts";

const wall = (iso: string) => {
  const [d, t] = iso.split("T");
  const [year, month, day] = d!.split("-").map(Number);
  const [hour, minute] = t!.split(":").map(Number);
  return { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: 0 };
};

describe("wallToInstant", () => {
  it.each([
    ["a normal time", "2026-11-28T09:00", "America/New_York", "2026-11-28T09:00:00-05:00"],
    ["a time skipped by spring-forward, west of UTC, lands an hour later", "2026-03-08T02:15", "America/New_York", "2026-03-08T03:15:00-04:00"],
    ["a time skipped by spring-forward, east of UTC, lands an hour later", "2026-03-29T02:30", "Europe/Berlin", "2026-03-29T03:30:00+02:00"],
    ["a half-hour zone", "2026-11-29T09:00", "Asia/Kolkata", "2026-11-29T09:00:00+05:30"],
  ])("%s", (_label, w, zone, iso) => {
    expect(toZonedIso(wallToInstant(wall(w), zone), zone)).toBe(iso);
  });

  it.each([
    ["2026-11-01T01:30", "America/New_York"],
    ["2026-10-25T02:30", "Europe/Berlin"],
  ])("a repeated fall-back time %s in %s is one of its two instants", (w, zone) => {
    expect(toZonedIso(wallToInstant(wall(w), zone), zone).slice(0, 16)).toBe(w);
  });
});
