/** Tool card lines: worded by the tool's effect and parsed with its result schemas, never by its name. */
import { describe, expect, it } from "vitest";
import type { TaskSummary } from "#contracts/tool-results.ts";
import { TOOL_NAMES, TOOL_SPECS } from "#contracts/tool-specs.ts";
import { summarizeToolCall } from "./tool-summary.ts";

const summary = (id: number, over: Partial<TaskSummary> = {}): TaskSummary => ({
  id,
  title: `Task ${id}`,
  status: "pending",
  priority: "none",
  tags: [],
  due_at: null,
  ...over,
});
const title = (tool: string, args: unknown, result: unknown) => summarizeToolCall(tool, args, result).title;

describe("summarizeToolCall", () => {
  it("shows the spec's progress line while a tool runs (the line ChatKit shows too)", () => {
    expect(summarizeToolCall("add_task", { title: "Buy milk" }, undefined)).toEqual({ tone: "pending", title: "Adding “Buy milk”…", details: [] });
    expect(title("complete_task", { id: 3, completed: false }, null)).toBe("Reopening task #3…");
    expect(title("delete_tasks", { ids: [1] }, undefined)).toBe("Checking which tasks would be deleted…");
    expect(title("no_such_tool", {}, undefined)).toBe("Working…");
    for (const name of TOOL_NAMES) expect(title(name, {}, undefined)).toBe(TOOL_SPECS[name].progress({}).text);
  });

  it("words a task result by the tool's effect", () => {
    const t = summary(4, { title: "Buy milk", priority: "high", tags: ["errands"] });
    expect(summarizeToolCall("add_task", {}, { task: t })).toEqual({ tone: "change", title: "Added #4 Buy milk · high priority · #errands", details: [] });
    expect(title("get_task", {}, { task: { ...t, description: null } })).toBe("#4 Buy milk · high priority · #errands");
    expect(title("complete_task", {}, { task: { ...t, status: "completed" }, changed: ["completed"] })).toBe("Completed #4 Buy milk");
    expect(title("complete_task", {}, { task: t, changed: ["completed"] })).toBe("Reopened #4 Buy milk");
    const updated = summarizeToolCall("update_task", {}, { task: t, changed: ["title", "due_at"], previous: { title: "Milk", due_at: null } });
    expect(updated).toEqual({ tone: "change", title: "Updated #4 Buy milk: title, due date", details: ["#4 Buy milk · high priority · #errands"] });
    expect(summarizeToolCall("update_task", {}, { task: t, changed: [], previous: {} }).tone).toBe("info");
  });

  it("lists, bulk changes, previews and deletes", () => {
    expect(summarizeToolCall("list_tasks", {}, { tasks: [summary(1), summary(2)], total: 5 })).toEqual({
      tone: "info",
      title: "Found 5 tasks (showing 2)",
      details: ["#1 Task 1", "#2 Task 2"],
    });
    expect(title("list_tasks", {}, { tasks: [], total: 0 })).toBe("No matching tasks");
    expect(title("complete_tasks", { completed: false }, { updated: [summary(1), summary(2)] })).toBe("Reopened 2 tasks");
    expect(title("complete_tasks", {}, { updated: [summary(1, { status: "completed" })] })).toBe("Completed #1 Task 1");
    expect(title("delete_tasks", {}, { preview: true, would_delete: [{ id: 1, title: "A" }, { id: 2, title: "B" }] })).toBe("Would delete: #1 A, #2 B");
    expect(title("delete_tasks", {}, { preview: true, would_delete: [] })).toBe("Nothing to delete");
    const gone = (id: number) => ({ ...summary(id), description: null });
    expect(title("delete_task", {}, { deleted: [gone(3)] })).toBe("Deleted #3 Task 3");
    expect(summarizeToolCall("delete_tasks", {}, { deleted: [gone(3), gone(4)] })).toMatchObject({ title: "Deleted 2 tasks", details: ["#3 Task 3", "#4 Task 4"] });
  });

  it("shows errors, including a failure that only names its request id", () => {
    expect(summarizeToolCall("get_task", {}, { error: { code: "not_found", message: "task not found" } })).toEqual({
      tone: "error",
      title: "Couldn't get task: task not found",
      details: [],
    });
    const failed = { error: { code: "tool_failed", message: "the tool failed on the server", request_id: "abc" } };
    expect(title("add_task", {}, failed)).toBe("Couldn't add task: the tool failed on the server");
  });

  it("does not trust shapes its schemas refuse", () => {
    expect(title("add_task", {}, { task: { id: 1, title: "no status" } })).toBe("Used add task");
    expect(title("list_tasks", {}, { tasks: "nope" })).toBe("Used list tasks");
    expect(title("launch_rocket", {}, { task: summary(1) })).toBe("Used launch rocket");
  });
});
