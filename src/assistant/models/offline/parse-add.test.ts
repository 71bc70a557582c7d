import { describe, expect, it } from "vitest";
import { parseNewTask } from "./parse-add.ts";

const utc = { now: new Date("2026-11-28T10:00:00Z"), timeZone: "UTC" };

describe("parseNewTask", () => {
  it.each([
    ["buy milk tomorrow 9am #errands", { title: "Buy milk", due_at: "2026-11-29T09:00:00Z", list: "errands" }],
    ["call mom on friday", { title: "Call mom", due_at: "2026-12-04T23:59:59Z" }],
    ["report, high priority", { title: "Report", priority: "high" }],
    ["a task to pay rent due Dec 1 tagged bills", { title: "Pay rent", due_at: "2026-12-01T23:59:59Z", tags: ["bills"] }],
    ["urgent: fix the sink", { title: "Fix the sink", priority: "high" }],
    ["book flights with description window seat please", { title: "Book flights", description: "window seat please" }],
    // The first #name is the list; more #names are labels (the grammar's rule).
    ["plan May trip #travel #fun, low priority", { title: "Plan May trip", priority: "low", list: "travel", tags: ["fun"] }],
    // No due date: add_task makes it the first occurrence (tomorrow 8:00).
    ["water plants every morning by 8am", { title: "Water plants", recurrence: { rule: "FREQ=DAILY;BYHOUR=8;BYMINUTE=0", text: "every day at 8am", from: "due" } }],
  ])("%s", (text, expected) => {
    expect(parseNewTask(text, utc)).toEqual(expected);
  });
});

describe("quick-add shorthand", () => {
  it("reads !high as the priority, not as part of the title", () => {
    const t = parseNewTask("buy milk tomorrow 9am #errands !high", { now: new Date("2026-11-28T10:00:00Z"), timeZone: "UTC" });
    expect(t).toMatchObject({ title: "Buy milk", priority: "high", list: "errands" });
  });
});

describe("the shared grammar in the assistant", () => {
  const clock = { now: new Date("2026-11-28T10:00:00Z"), timeZone: "UTC" };
  it.each([
    ["fix the boiler p1 @home", { title: "Fix the boiler", priority: "high", tags: ["home"] }],
    ["plan kickoff #work @urgent-ish", { title: "Plan kickoff", list: "work", tags: ["urgent-ish"] }],
    ['plan kickoff #"Big Project" #work', { title: "Plan kickoff", list: "Big Project", tags: ["work"] }],
    ["file taxes p4", { title: "File taxes", priority: "none" }],
    // Recurrence goes to add_task as the grammar's words, reminders as add_task's reminders.
    ["pay rent every month on the 15th", { title: "Pay rent", recurrence: { rule: "FREQ=MONTHLY;BYMONTHDAY=15", text: "every month on the 15th", from: "due" } }],
    ["call mom tomorrow remind me 30 minutes before", { title: "Call mom", due_at: "2026-11-29T23:59:59Z", reminders: [{ before_minutes: 30 }] }],
    ["call mom remind me in 2 hours", { title: "Call mom", reminders: [{ at: "2026-11-28T12:00:00Z" }] }],
    // Without a due date "30 minutes before" has nothing to count from: the phrase is dropped, not an error.
    ["call mom remind me 30 minutes before", { title: "Call mom" }],
    ["sketch logo #Studio /Design", { title: "Sketch logo", list: "Studio", section: "Design" }],
  ])("%s", (text, expected) => {
    expect(parseNewTask(text, clock)).toEqual(expected);
  });
});
