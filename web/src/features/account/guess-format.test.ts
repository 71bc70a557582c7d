import { describe, expect, it } from "vitest";
import { guessFormat } from "./guess-format.ts";

describe("guessFormat", () => {
  it.each([
    ["tickler-export.json", '{"format_version":2,"tasks":[]}', "tickler-json"],
    ["backup.json", '\uFEFF{ "projects": [], "items": [] }', "todoist-json"],
    ["Shopping.csv", "TYPE,CONTENT,DESCRIPTION,PRIORITY\ntask,Milk,,4", "todoist-csv"],
    ["TickTick-backup.csv", 'Date: 2026-12-01\nVersion: 7.1\n"Folder Name","List Name","Title","Kind"\n', "ticktick-csv"],
    ["notes.txt", "hello", null],
    ["other.json", '{"a":1}', null],
  ])("%s → %s", (name, text, expected) => {
    expect(guessFormat(name, text)).toBe(expected);
  });
});
