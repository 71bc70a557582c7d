/** The quick-add box's use of the shared grammar: chips for what will be saved, and the request Enter sends. */
import { describe, expect, it } from "vitest";
import { TaskCreate } from "#contracts/task.ts";
import { previewQuickAdd, spanKey } from "./quick-add-syntax.ts";

// Saturday 2026-11-28 10:00 UTC; the project runs with TZ=UTC, so local labels are UTC too.
const ctx = { now: new Date("2026-11-28T10:00:00Z"), timeZone: "UTC" };
/** A local time label in whichever 12/24-hour style the test machine's locale uses. */
const at = (day: string, h: number) => expect.stringMatching(new RegExp(`^${day} (${String(h).padStart(2, "0")}:00|${h % 12 || 12}:00\\s?${h < 12 ? "AM" : "PM"})$`));
const LISTS = [
  { id: 1, name: "Inbox" },
  { id: 2, name: "Errands" },
  { id: 3, name: "Big Project" },
  { id: 4, name: "Old", archived: true },
];
const SECTIONS = [
  { id: 10, name: "Next Up", list_id: 3 },
  { id: 11, name: "Design", list_id: 3 },
  { id: 12, name: "Design", list_id: 2 },
];
const targets = { lists: LISTS, sections: SECTIONS };
const chipsOf = (text: string, dismissed?: Set<string>) => previewQuickAdd(text, ctx, dismissed, targets).chips.map((c) => [c.kind, c.text]);

describe("quick-add preview", () => {
  it("reads the issue's example: title, date, #list picks the list (any case), priority", () => {
    const p = previewQuickAdd("buy milk tomorrow 9am #errands !high", ctx, new Set(), targets);
    expect(p.create).toEqual({ title: "buy milk", list_id: 2, priority: "high", due_at: "2026-11-29T09:00:00Z" });
    expect(p.chips.map((c) => [c.kind, c.text, c.words])).toEqual([
      ["due", at("Tomorrow", 9), "tomorrow 9am"],
      ["list", "#Errands", "#errands"],
      ["priority", "High priority", "!high"],
    ]);
  });

  it("offers an unknown #list for creation and keeps its words in the title until then", () => {
    const p = previewQuickAdd("plant bulbs #Garden", ctx, new Set(), targets);
    expect(p.create).toEqual({ title: "plant bulbs #Garden" });
    expect(p.chips).toEqual([expect.objectContaining({ kind: "new-list", name: "Garden", text: "Create list “Garden”?" })]);
    const created = previewQuickAdd("plant bulbs #Garden", ctx, new Set(), { lists: [...LISTS, { id: 9, name: "garden" }] });
    expect(created.create).toEqual({ title: "plant bulbs", list_id: 9 });
    // An archived list is not a target: offered like an unknown one.
    expect(chipsOf("x #old")).toEqual([["new-list", "Create list “old”?"]]);
  });

  it("multi-word lists, and /Section of that list (or of the list page's list)", () => {
    const p = previewQuickAdd("sketch logo #Big Project /design", ctx, new Set(), targets);
    expect(p.create).toEqual({ title: "sketch logo", list_id: 3, section_id: 11 });
    expect(previewQuickAdd("sketch /Next Up", ctx, new Set(), { ...targets, defaultListId: 3 }).create).toEqual({ title: "sketch", list_id: 3, section_id: 10 });
    // A section the list does not have stays in the title.
    expect(previewQuickAdd("sketch /Next Up #errands", ctx, new Set(), targets).create).toEqual({ title: "sketch /Next Up", list_id: 2 });
  });

  it("a list page is the default list; #Other wins", () => {
    expect(previewQuickAdd("call bob", ctx, new Set(), { ...targets, defaultListId: 3 }).create).toEqual({ title: "call bob", list_id: 3 });
    expect(previewQuickAdd("call bob #errands", ctx, new Set(), { ...targets, defaultListId: 3 }).create).toEqual({ title: "call bob", list_id: 2 });
  });

  it("sends what the create endpoint accepts", () => {
    for (const text of ["Call mom tonight", "fix it p1 @home @Work", "report due friday, low priority", "x #errands #b #c", "p4 tidy desk"]) {
      const { create } = previewQuickAdd(text, ctx, new Set(), targets);
      expect(TaskCreate.safeParse(create).success).toBe(true);
    }
  });

  it.each([
    ["Call mom tonight", [["due", at("Today", 22)]]],
    ["fix it p1 @home @Work", [["priority", "High priority"], ["label", "@home"], ["label", "@work"]]],
    ["x #errands #b", [["list", "#Errands"], ["label", "@b"]]],
    ["report due friday, low priority", [["due", expect.stringMatching(/Fri/)], ["priority", "Low priority"]]],
    ["tidy desk p4", [["priority", "No priority"]]],
    ["gift tagged family, gifts", [["label", "@family @gifts"]]],
    ["just a title", []],
  ])("%s", (text, chips) => expect(chipsOf(text)).toEqual(chips));

  it("shows no chip for what cannot be saved yet and keeps its words in the title", () => {
    for (const text of ["call mom remind me 30 minutes before", "sketch logo /Design"]) {
      const p = previewQuickAdd(text, ctx, new Set(), targets);
      expect(p.chips).toEqual([]);
      expect(p.create).toEqual({ title: text });
    }
  });

  it("saves recurrence as the rule its chip shows, with or without a first date", () => {
    const rent = previewQuickAdd("pay rent every month on the 15th", ctx);
    expect(rent.create).toEqual({ title: "pay rent", recurrence: { rule: "FREQ=MONTHLY;BYMONTHDAY=15", text: "every month on the 15th", from: "due" } });
    expect(rent.chips.map((c) => [c.kind, c.text])).toEqual([["recurrence", "Repeats every month on the 15th"]]);
    const gym = previewQuickAdd("gym every! 3 days", ctx);
    expect(gym.create?.recurrence).toMatchObject({ from: "completion" });
    // Removing the chip keeps the words in the title, as for every other chip.
    const kept = previewQuickAdd("pay rent every month on the 15th", ctx, new Set(rent.chips[0]!.keys));
    expect(kept.create).toEqual({ title: "pay rent every month on the 15th" });
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
    const more = previewQuickAdd("Call mom tonight @family", ctx, dismissed);
    expect(more.create).toEqual({ title: "Call mom tonight", tags: ["family"] });
    expect(more.chips.map((c) => c.kind)).toEqual(["label"]);
  });

  it("removing the date chip removes both halves of a split date", () => {
    const p = previewQuickAdd("tomorrow buy milk 9am", ctx);
    expect(p.chips[0]).toMatchObject({ kind: "due", text: at("Tomorrow", 9), words: "tomorrow … 9am" });
    expect(previewQuickAdd("tomorrow buy milk 9am", ctx, new Set(p.chips[0]!.keys)).create).toEqual({ title: "tomorrow buy milk 9am" });
  });

  it("has nothing to send without a title", () => {
    expect(previewQuickAdd("tomorrow #errands p1", ctx, new Set(), targets).create).toBeNull();
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
