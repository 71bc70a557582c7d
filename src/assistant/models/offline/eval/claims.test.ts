import { describe, expect, it } from "vitest";
import { claimProblems } from "./claims.ts";

const task = (id: number, title: string) => ({
  id,
  title,
  status: "pending",
  priority: "none",
  tags: [],
  due_at: "2026-12-04T23:59:59Z",
});

describe("the eval's claim check", () => {
  it("flags a reply that claims a move when the tool changed nothing", () => {
    const calls = [
      {
        tool: "update_task",
        args: { id: 1, due_at: "2026-12-04" },
        result: { task: task(1, "Report"), changed: [], previous: {} },
      },
    ];
    expect(claimProblems("Moved “Report” (task 1) to Friday.", calls)).toEqual([
      "the reply claims a change but no tool changed anything",
    ]);
    expect(claimProblems("“Report” (task 1) is already due Friday; nothing changed.", calls)).toEqual([]);
  });

  it("flags a reply that says nothing changed when data did", () => {
    const calls = [
      { tool: "complete_task", args: { id: 1 }, result: { task: task(1, "Report"), changed: ["completed"] } },
    ];
    expect(claimProblems("I couldn't find that task.", calls)).toEqual(["data changed but the reply says nothing did"]);
  });

  it("flags a wrong title or a task number no tool returned, not quoted examples or questions", () => {
    const calls = [{ tool: "add_task", args: { title: "Milk" }, result: { task: task(9, "Milk") } }];
    expect(claimProblems("Added “Eggs” (task 9).", calls)).toEqual([
      "the reply calls task 9 “Eggs”, the tools say “Milk”",
    ]);
    expect(claimProblems("Added “Milk” (task 9) after task 12.", calls)).toEqual([
      "the reply names task 12, which no tool returned",
    ]);
    expect(claimProblems("Try “mark task 3 done”.", [])).toEqual([]);
    const preview = [
      {
        tool: "update_tasks",
        args: { filter: {} },
        result: { preview: true, would_update: [{ id: 9, title: "Milk" }], total: 1 },
      },
    ];
    expect(claimProblems("Set this task to high priority?\n- “Milk” (task 9)", preview)).toEqual([]);
  });
});
