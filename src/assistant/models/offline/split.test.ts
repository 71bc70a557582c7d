import { describe, expect, it } from "vitest";
import { parseIntent } from "./parse-intent.ts";
import { addItems, splitClauses } from "./split.ts";
import { stemQuery, stemWord } from "./stem.ts";

const utc = { now: new Date("2026-11-28T10:00:00Z"), timeZone: "UTC" };

describe("compound requests", () => {
  it.each([
    ["add buy stamps, then mark task 3 done", ["add buy stamps", "mark task 3 done"]],
    ["complete task 1 and delete task 7", ["complete task 1", "delete task 7"]],
    ["add call the bank and also book flights", ["add call the bank", "book flights"]],
    // A plain "and" inside a title or a list of ids does not split.
    ["add mac and cheese", ["add mac and cheese"]],
    ["mark task 2 and 3 done", ["mark task 2 and 3 done"]],
    [
      "add renew insurance with high priority and tag it personal",
      ["add renew insurance with high priority and tag it personal"],
    ],
  ])("%s", (text, clauses) => {
    expect(splitClauses(text)).toEqual(clauses);
  });

  it("reads the items of a list to add", () => {
    expect(addItems("three tasks: milk, eggs, bread")).toEqual(["milk", "eggs", "bread"]);
    expect(addItems("milk, eggs and bread")).toEqual(["milk", "eggs", "bread"]);
    expect(addItems("water the plants")).toBeNull();
    expect(addItems("call the landlord about the broken heating, and ask for a date")).toBeNull();
  });

  it("keeps a piece that is only attributes with its task", () => {
    expect(parseIntent("add report, high priority", utc)).toEqual({
      kind: "add",
      task: { title: "Report", priority: "high" },
    });
  });

  it("parses each part as its own request", () => {
    const intent = parseIntent("add milk, eggs and bread", utc);
    expect(intent).toEqual({
      kind: "compound",
      parts: ["Milk", "Eggs", "Bread"].map((title) => ({ kind: "add", task: { title } })),
    });
    const mixed = parseIntent("complete task 1 and delete task 7", utc);
    expect(mixed).toEqual({
      kind: "compound",
      parts: [
        { kind: "complete", target: { kind: "ids", ids: [1] }, completed: true },
        { kind: "delete", target: { kind: "ids", ids: [7] } },
      ],
    });
  });

  it("does not split when a part is not understood", () => {
    expect(parseIntent("delete task 3 and then asdf qwerty", utc).kind).not.toBe("compound");
  });
});

describe("stemming search words", () => {
  it.each([
    ["paying", "pay"],
    ["emailed", "email"],
    ["planned", "plan"],
    ["running", "run"],
    ["paid", "pay"],
    ["writing", "writ"],
    ["milk", "milk"],
    ["red", "red"],
  ])("%s → %s", (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });

  it("stems only the leading verb: nouns the title spells in full stay", () => {
    expect(stemQuery("paying rent")).toBe("pay rent");
    expect(stemQuery("dry cleaning")).toBe("dry cleaning");
  });
});
