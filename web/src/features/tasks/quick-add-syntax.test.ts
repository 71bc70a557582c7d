/** The quick-add box's use of the shared grammar: chips for what will be saved, and the request Enter sends. */
import { describe, expect, it } from "vitest";
import { TaskCreate } from "#contracts/task.ts";
import { previewQuickAdd, spanKey } from "./quick-add-syntax.ts";

// Saturday 2026-11-28 10:00 UTC; the project runs with TZ=UTC, so local labels are UTC too.
const ctx = { now: new Date("2026-11-28T10:00:00Z"), timeZone: "UTC" };
/** A local time label in whichever 12/24-hour style the test machine's locale uses. */
const at = (day: string, h: number) => expect.stringMatching(new RegExp(`^${day} (${String(h).padStart(2, "0")}:00|${h % 12 || 12}:00\\s?${h < 12 ? "AM" : "PM"})$`));
const chipsOf = (text: string, dismissed?: Set<string>) => previewQuickAdd(text, ctx, dismissed).chips.map((c) => [c.kind, c.text]);

describe("quick-add preview", () => {
  it("reads the issue's example: title, date, #list as a tag, priority", () => {
    const p = previewQuickAdd("buy milk tomorrow 9am #errands !high", ctx);
    expect(p.create).toEqual({ title: "buy milk", tags: ["errands"], priority: "high", due_at: "2026-11-29T09:00:00Z" });
    expect(p.chips.map((c) => [c.kind, c.text, c.words])).toEqual([
      ["due", at("Tomorrow", 9), "tomorrow 9am"],
      ["list", "#errands", "#errands"],
      ["priority", "High priority", "!high"],
    ]);
    expect(p.chips[1]!.hint).toMatch(/saved as the tag #errands until lists arrive/i);
  });

  it("sends what the create endpoint accepts", () => {
    for (const text of ["Call mom tonight", "fix it p1 @home @Work", "report due friday, low priority", "x #a #b #c", "p4 tidy desk"]) {
      const { create } = previewQuickAdd(text, ctx);
      expect(TaskCreate.safeParse(create).success).toBe(true);
    }
  });

  it.each([
    ["Call mom tonight", [["due", at("Today", 22)]]],
    ["fix it p1 @home @Work", [["priority", "High priority"], ["label", "#home"], ["label", "#work"]]],
    ["report due friday, low priority", [["due", expect.stringMatching(/Fri/)], ["priority", "Low priority"]]],
    ["tidy desk p4", [["priority", "No priority"]]],
    ["gift tagged family, gifts", [["label", "#family #gifts"]]],
    ["just a title", []],
  ])("%s", (text, chips) => expect(chipsOf(text)).toEqual(chips));

  it("shows no chip for what cannot be saved yet and keeps its words in the title", () => {
    for (const text of ["pay rent every month on the 15th", "call mom remind me 30 minutes before", "sketch logo /Design", 'plan #"Big Project"']) {
      const p = previewQuickAdd(text, ctx);
      expect(p.chips).toEqual([]);
      expect(p.create).toEqual({ title: text });
    }
  });

  it("saves reminders: in 2 hours, 30 minutes before the due date, at 8am", () => {
    const inTwo = previewQuickAdd("call mom remind me in 2 hours", ctx);
    expect(inTwo.create).toEqual({ title: "call mom", reminders: [{ at: "2026-11-28T12:00:00Z" }] });
    expect(inTwo.chips.map((c) => c.kind)).toEqual(["reminder"]);
    const before = previewQuickAdd("dentist friday 3pm remind me 30 minutes before", ctx);
    expect(before.create).toMatchObject({ title: "dentist", reminders: [{ before_minutes: 30 }] });
    expect(before.chips.find((c) => c.kind === "reminder")!.text).toBe("Remind 30 min before");
    const eight = previewQuickAdd("pay bills tomorrow remind me at 8am", ctx);
    expect(eight.create).toMatchObject({ title: "pay bills", reminders: [{ at: expect.stringMatching(/^2026-11-29T08:00/) }] });
  });

  it("a removed chip puts its words back into the title and stays removed while typing on", () => {
    const first = previewQuickAdd("Call mom tonight", ctx);
    const dismissed = new Set(first.chips[0]!.keys);
    expect(previewQuickAdd("Call mom tonight", ctx, dismissed).create).toEqual({ title: "Call mom tonight" });
    const more = previewQuickAdd("Call mom tonight #family", ctx, dismissed);
    expect(more.create).toEqual({ title: "Call mom tonight", tags: ["family"] });
    expect(more.chips.map((c) => c.kind)).toEqual(["list"]);
  });

  it("removing the date chip removes both halves of a split date", () => {
    const p = previewQuickAdd("tomorrow buy milk 9am", ctx);
    expect(p.chips[0]).toMatchObject({ kind: "due", text: at("Tomorrow", 9), words: "tomorrow … 9am" });
    expect(previewQuickAdd("tomorrow buy milk 9am", ctx, new Set(p.chips[0]!.keys)).create).toEqual({ title: "tomorrow buy milk 9am" });
  });

  it("has nothing to send without a title", () => {
    expect(previewQuickAdd("tomorrow #errands p1", ctx).create).toBeNull();
    expect(previewQuickAdd("   ", ctx).create).toBeNull();
  });

  it("reads 5/12 the locale's way", () => {
    expect(previewQuickAdd("party 5/12", { ...ctx, dateOrder: "dmy" }).create?.due_at).toBe("2026-12-05T23:59:59Z");
    expect(previewQuickAdd("party 5/12", { ...ctx, dateOrder: "mdy" }).create?.due_at).toBe("2027-05-12T23:59:59Z");
  });

  it("keys phrases by kind and words, not by position", () => {
    expect(spanKey({ kind: "due", text: "Tomorrow  9am" })).toBe("due:tomorrow 9am");
  });
});
