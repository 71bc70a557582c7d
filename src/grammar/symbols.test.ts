/** Todoist's shorthand (#list, /section, @label, p1–p4, !high) and the plain-word forms of labels and priority. */
import { describe, expect, it } from "vitest";
import { labelList, parseQuickAdd, type GrammarContext, type QuickAdd } from "./index.ts";

const SAT: GrammarContext = { now: new Date("2026-11-28T10:00:00Z"), timeZone: "UTC" };
const pick = (r: QuickAdd) => ({ title: r.title, list: r.list, section: r.section, labels: r.labels, priority: r.priority });
const none = { list: null, section: null, labels: [], priority: null };

type Row = [input: string, expected: Partial<ReturnType<typeof pick>> & { title: string }, ctx?: Partial<GrammarContext>];

const ROWS: Row[] = [
  // Lists
  ["buy milk #errands", { title: "buy milk", list: "errands" }],
  ["buy milk #Errands", { title: "buy milk", list: "Errands" }],
  ["#errands buy milk", { title: "buy milk", list: "errands" }],
  ['plan kickoff #"Big Project"', { title: "plan kickoff", list: "Big Project" }],
  ["plan kickoff #“Big Project”", { title: "plan kickoff", list: "Big Project" }],
  ["plan kickoff #Big Project", { title: "plan kickoff", list: "Big Project" }, { lists: ["Big", "Big Project"] }],
  ["plan kickoff #big project today", { title: "plan kickoff", list: "Big Project" }, { lists: ["Big Project"] }],
  ["plan kickoff #Big Project", { title: "plan kickoff Project", list: "Big" }],
  ["buy milk #errands #home", { title: "buy milk", list: "errands", labels: ["home"] }],
  ["Fix #123 in the parser", { title: "Fix #123 in the parser" }],
  ["learn C# basics", { title: "learn C# basics" }],
  ["# heading", { title: "# heading" }],
  ["buy milk #errands.", { title: "buy milk.", list: "errands" }],
  // Sections
  ["sketch logo /Design", { title: "sketch logo", section: "Design" }],
  ['sketch logo /"Next Up"', { title: "sketch logo", section: "Next Up" }],
  ["sketch logo /next up", { title: "sketch logo", section: "Next Up" }, { sections: ["Next Up"] }],
  ["sketch logo #Work /Design", { title: "sketch logo", list: "Work", section: "Design" }],
  ["edit /etc/hosts", { title: "edit /etc/hosts" }],
  ["cats and/or dogs", { title: "cats and/or dogs" }],
  // Labels
  ["call bob @phone", { title: "call bob", labels: ["phone"] }],
  ["call bob @Phone @work @phone", { title: "call bob", labels: ["phone", "work"] }],
  ["mail bob@example.com", { title: "mail bob@example.com" }],
  ["meet @ the cafe", { title: "meet @ the cafe" }],
  ["pay rent tagged bills", { title: "pay rent", labels: ["bills"] }],
  ["gift for Sam tagged family, gifts", { title: "gift for Sam", labels: ["family", "gifts"] }],
  ["gift tagged with family and gifts", { title: "gift", labels: ["family", "gifts"] }],
  ["fix bike, tag: weekend", { title: "fix bike", labels: ["weekend"] }],
  ["fix bike tags: a, b & c", { title: "fix bike", labels: ["a", "b", "c"] }],
  ["fix bike labelled garage", { title: "fix bike", labels: ["garage"] }],
  ["fix bike tag it garage", { title: "fix bike", labels: ["garage"] }],
  ["buy a gift tag", { title: "buy a gift tag" }],
  ["print label sheets", { title: "print label sheets" }],
  // Priority shorthand: p1 = high … p4 = none; the first one wins
  ["file taxes p1", { title: "file taxes", priority: "high" }],
  ["file taxes P2", { title: "file taxes", priority: "medium" }],
  ["file taxes p3", { title: "file taxes", priority: "low" }],
  ["file taxes p4", { title: "file taxes", priority: "none" }],
  ["file taxes p5", { title: "file taxes p5" }],
  ["buy mp3 player", { title: "buy mp3 player" }],
  ["file taxes !high", { title: "file taxes", priority: "high" }],
  ["file taxes !medium", { title: "file taxes", priority: "medium" }],
  ["file taxes !med", { title: "file taxes", priority: "medium" }],
  ["file taxes !low", { title: "file taxes", priority: "low" }],
  ["file taxes !urgent", { title: "file taxes", priority: "high" }],
  ["file taxes p1 !low", { title: "file taxes !low", priority: "high" }],
  ["wow!high", { title: "wow!high" }],
  // Priority in words
  ["report, high priority", { title: "report", priority: "high" }],
  ["report with high priority", { title: "report", priority: "high" }],
  ["a high-priority report", { title: "report", priority: "high" }],
  ["report priority: low", { title: "report", priority: "low" }],
  ["report priority high", { title: "report", priority: "high" }],
  ["report, top priority", { title: "report", priority: "high" }],
  ["report normal priority", { title: "report", priority: "medium" }],
  ["report low prio", { title: "report", priority: "low" }],
  ["urgent: fix the sink", { title: "fix the sink", priority: "high" }],
  ["important: file taxes", { title: "file taxes", priority: "high" }],
  ["fix the sink, urgent", { title: "fix the sink", priority: "high" }],
  ["fix the sink asap", { title: "fix the sink", priority: "high" }],
  ["fix the sink asap #home", { title: "fix the sink", list: "home", priority: "high" }],
  ["Reply to urgent email", { title: "Reply to urgent email" }],
  ["Read important letter", { title: "Read important letter" }],
  ['"urgent: read this"', { title: '"urgent: read this"' }],
];

describe("shorthand and words", () => {
  it.each(ROWS)("%s", (input, expected, ctx) => {
    expect(pick(parseQuickAdd(input, { ...SAT, ...ctx }))).toEqual({ ...none, ...expected });
  });
});

describe("labelList", () => {
  it.each([
    ["home, work and errands", ["home", "work", "errands"]],
    ["#Home @work", ["home", "work"]],
    ["a & b, c", ["a", "b", "c"]],
    ["x, x", ["x"]],
  ])("%s", (text, labels) => expect(labelList(text)).toEqual(labels));
});
