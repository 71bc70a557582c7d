/** Undo plans read from each tool's spec and its parsed result, run through the (mocked) task API. */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Task } from "#contracts/task.ts";
import type { TaskSummary } from "#contracts/tool-results.ts";
import { ApiError } from "../../lib/api-client.ts";
import * as api from "../../lib/tasks-api.ts";
import * as organiser from "./undo-api.ts";
import { undoErrorMessage, undoPlanFor } from "./undo.ts";

vi.mock("../../lib/tasks-api.ts", () => ({
  createTask: vi.fn(),
  deleteTask: vi.fn(),
  patchTask: vi.fn(),
  setCompleted: vi.fn(),
}));
vi.mock("./undo-api.ts", () => ({ bulkEdit: vi.fn(), moveTasks: vi.fn(), patchList: vi.fn(), deleteList: vi.fn() }));
const mocked = vi.mocked(api);
const bulk = vi.mocked(organiser);

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
    // One all-or-nothing bulk edit, not one request per task.
    expect(bulk.bulkEdit.mock.calls).toEqual([[{ ids: [1, 2], set: { completed: false } }]]);
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

  it("a parent's completion: reopens the parent and exactly the subtasks it completed", async () => {
    const plan = undoPlanFor("complete_task", { task: summary(3, { status: "completed" }), changed: ["completed"], completed_subtask_ids: [4, 6] });
    await expect(plan!.run()).resolves.toBe("#3 is open again (and 2 subtasks)");
    expect(bulk.bulkEdit.mock.calls).toEqual([[{ ids: [3, 4, 6], set: { completed: false } }]]);
    const many = undoPlanFor("complete_tasks", { updated: [summary(1, { status: "completed" })], completed_subtask_ids: [9] });
    await many!.run();
    expect(bulk.bulkEdit.mock.calls[1]).toEqual([{ ids: [1, 9], set: { completed: false } }]);
  });

  it("update_tasks: sets the old values back, one bulk edit per distinct set of old values", async () => {
    const result = {
      updated: [summary(1, { due_at: "2026-11-29T09:00:00.000Z", tags: ["x"] }), summary(2, { due_at: "2026-11-29T09:00:00.000Z", tags: ["x"] }), summary(3)],
      previous: [
        { id: 1, due_at: "2026-11-20T09:00:00.000Z", tags: [] },
        { id: 2, due_at: "2026-11-20T09:00:00.000Z", tags: [] },
        { id: 3 },
      ],
    };
    const plan = undoPlanFor("update_tasks", result);
    expect(plan?.label).toBe("Undo changes to 2 tasks");
    await expect(plan!.run()).resolves.toBe("Restored 2 tasks");
    expect(bulk.bulkEdit.mock.calls).toEqual([[{ ids: [1, 2], set: { due_at: "2026-11-20T09:00:00.000Z", tags_remove: ["x"] } }]]);
    expect(undoPlanFor("update_tasks", { preview: true, would_update: [{ id: 1, title: "A" }], total: 1 })).toBeNull();
    expect(undoPlanFor("update_tasks", { updated: [summary(3)], previous: [{ id: 3 }] })).toBeNull();
  });

  it("move_tasks, create_list and update_list: move back, delete the new list (keeping its tasks), patch the list back", async () => {
    const list = { id: 4, name: "Garden", color: "green", is_inbox: false, archived: false };
    const moved = undoPlanFor("move_tasks", { moved: [summary(1), summary(2)], list, previous: [{ id: 1, list_id: 1, section_id: null, parent_id: null }, { id: 2, list_id: 2, section_id: 5, parent_id: null }] });
    await expect(moved!.run()).resolves.toBe("Moved back 2 tasks");
    expect(bulk.moveTasks.mock.calls).toEqual([[{ ids: [1], list_id: 1, section_id: null, parent_id: null }], [{ ids: [2], list_id: 2, section_id: 5, parent_id: null }]]);
    expect(undoPlanFor("move_tasks", { moved: [summary(1)], list })).toBeNull(); // from an older server: no previous
    await undoPlanFor("create_list", { list })!.run();
    expect(bulk.deleteList).toHaveBeenCalledWith(4);
    const renamed = undoPlanFor("update_list", { list, previous: { name: "Yard" } });
    await expect(renamed!.run()).resolves.toBe("Restored the list Yard");
    expect(bulk.patchList).toHaveBeenCalledWith(4, { name: "Yard" });
    expect(undoPlanFor("update_list", { list, previous: {} })).toBeNull();
  });
});
