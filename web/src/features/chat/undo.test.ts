/** Undo plans read from each tool's spec and its parsed result, run through the (mocked) task API. */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Task } from "#contracts/task.ts";
import type { TaskSummary } from "#contracts/tool-results.ts";
import { ApiError } from "../../lib/api-client.ts";
import * as api from "../../lib/tasks-api.ts";
import { undoErrorMessage, undoPlanFor } from "./undo.ts";

vi.mock("../../lib/tasks-api.ts", () => ({
  createTask: vi.fn(),
  deleteTask: vi.fn(),
  patchTask: vi.fn(),
  setCompleted: vi.fn(),
}));
const mocked = vi.mocked(api);

const summary = (id: number, over: Partial<TaskSummary> = {}): TaskSummary => ({
  id,
  title: `Task ${id}`,
  status: "pending",
  priority: "none",
  tags: [],
  due_at: null,
  ...over,
});
const task = (id: number): Task => ({
  ...summary(id),
  description: null,
  completed: false,
  completed_at: null,
  recurrence: null,
  completed_occurrences: 0,
  last_completed_at: null,
  created_at: "2026-12-01T10:00:00.000Z",
  updated_at: "2026-12-01T10:00:00.000Z",
  list_id: 1,
  section_id: null,
  parent_id: null,
  position: 1024,
});

beforeEach(() => {
  vi.clearAllMocks();
  mocked.createTask.mockImplementation(async (input) => ({ ...task(100 + mocked.createTask.mock.calls.length), title: input.title }));
  mocked.deleteTask.mockResolvedValue(undefined);
  mocked.patchTask.mockImplementation(async (id) => task(id));
  mocked.setCompleted.mockImplementation(async (id) => task(id));
});

describe("undoPlanFor", () => {
  it("add_task: deletes the task it created", async () => {
    const plan = undoPlanFor("add_task", { task: summary(4, { title: "Buy milk" }) });
    expect(plan?.label).toBe("Undo adding #4 Buy milk");
    await expect(plan!.run()).resolves.toBe("Removed #4");
    expect(mocked.deleteTask).toHaveBeenCalledWith(4);
  });

  it("update_task: PATCHes exactly the previous values back", async () => {
    const previous = { title: "Old name", due_at: "2026-12-05T09:00:00.000Z", tags: ["a"] };
    const plan = undoPlanFor("update_task", { task: summary(2, { title: "New name" }), changed: ["title", "due_at", "tags"], previous });
    expect(plan?.label).toBe("Undo changes to #2 New name");
    await expect(plan!.run()).resolves.toBe("Restored #2");
    expect(mocked.patchTask).toHaveBeenCalledWith(2, previous);
  });

  it("update_task that changed nothing has nothing to undo", () => {
    expect(undoPlanFor("update_task", { task: summary(2), changed: [], previous: {} })).toBeNull();
    expect(undoPlanFor("update_task", { task: summary(2) })).toBeNull();
  });

  it("complete_task: sets the other state back, whichever way it went", async () => {
    const completed = undoPlanFor("complete_task", { task: summary(3, { status: "completed" }), changed: ["completed"] });
    expect(completed?.label).toBe("Undo completing #3 Task 3");
    await expect(completed!.run()).resolves.toBe("#3 is open again");
    expect(mocked.setCompleted).toHaveBeenLastCalledWith(3, false);

    const reopened = undoPlanFor("complete_task", { task: summary(3), changed: ["completed"] });
    expect(reopened?.label).toBe("Undo reopening #3 Task 3");
    await expect(reopened!.run()).resolves.toBe("#3 is done again");
    expect(mocked.setCompleted).toHaveBeenLastCalledWith(3, true);
  });

  it("complete_tasks: sets each back and says how many", async () => {
    const plan = undoPlanFor("complete_tasks", { updated: [summary(1, { status: "completed" }), summary(2, { status: "completed" })] });
    expect(plan?.label).toBe("Undo completing 2 tasks");
    await expect(plan!.run()).resolves.toBe("Set back 2 tasks");
    expect(mocked.setCompleted.mock.calls).toEqual([
      [1, false],
      [2, false],
    ]);
    expect(undoPlanFor("complete_tasks", { updated: [summary(5)] })?.label).toBe("Undo reopening #5");
    expect(undoPlanFor("complete_tasks", { updated: [] })).toBeNull();
  });

  it("delete_task / delete_tasks: creates the deleted tasks again with all their fields", async () => {
    const gone = { ...summary(7, { title: "Report", status: "completed", priority: "high", tags: ["work"], due_at: "2026-12-04T22:59:59.000Z" }), description: "Q4" };
    const one = undoPlanFor("delete_task", { deleted: [gone] });
    expect(one?.label).toBe("Undo deleting #7 Report");
    await expect(one!.run()).resolves.toBe("Restored as #101 (new number)");
    expect(mocked.createTask).toHaveBeenCalledWith({
      title: "Report",
      description: "Q4",
      priority: "high",
      tags: ["work"],
      due_at: "2026-12-04T22:59:59.000Z",
      completed: true,
    }, expect.stringMatching(/^[0-9a-f]{32}$/)); // an Idempotency-Key: a retried undo never recreates twice

    const many = undoPlanFor("delete_tasks", { deleted: [gone, { ...summary(8), description: null }] });
    expect(many?.label).toBe("Undo deleting 2 tasks");
    await expect(many!.run()).resolves.toMatch(/^Restored as #\d+, #\d+ \(new numbers\)$/);
  });

  it("reports partial failures and fails when nothing could be undone", async () => {
    const deleted = [{ ...summary(1), description: null }, { ...summary(2), description: null }];
    mocked.createTask.mockRejectedValueOnce(new ApiError(422, "validation_failed", "no"));
    await expect(undoPlanFor("delete_tasks", { deleted })!.run()).resolves.toMatch(/\(1 couldn't be restored\)$/);

    mocked.setCompleted.mockRejectedValue(new ApiError(404, "not_found", "task not found"));
    const err = await undoPlanFor("complete_task", { task: summary(9, { status: "completed" }) })!.run().catch((e: unknown) => e);
    expect(undoErrorMessage(err)).toBe("That task no longer exists.");
  });

  it("offers nothing for reads, previews, errors, running calls, unknown tools or shapes", () => {
    expect(undoPlanFor("get_task", { task: summary(1) })).toBeNull();
    expect(undoPlanFor("list_tasks", { tasks: [summary(1)], total: 1 })).toBeNull();
    expect(undoPlanFor("delete_tasks", { preview: true, would_delete: [{ id: 1, title: "x" }] })).toBeNull();
    expect(undoPlanFor("add_task", { error: { code: "invalid_input", message: "title: must not be empty" } })).toBeNull();
    expect(undoPlanFor("add_task", undefined)).toBeNull();
    expect(undoPlanFor("launch_rocket", { task: summary(1) })).toBeNull();
    // A result that does not match the tool's schema is not trusted (here: no status).
    expect(undoPlanFor("add_task", { task: { id: 1, title: "x" } })).toBeNull();
  });
});
