import { describe, expect, it } from "vitest";
import type { Task } from "#contracts/task.ts";
import { makeTask } from "../../test/task-fixture.ts";
import { bulkRequest, undoSteps } from "./bulk-undo.ts";

const task = (id: number, over: Partial<Task> = {}): Task => makeTask({ id, created_at: "", updated_at: "", position: id * 1024, ...over });

describe("bulk undo", () => {
  it("complete: reopens what was open, and the subtasks the server completed with them", () => {
    const before = [task(1), task(2, { completed: true })];
    expect(undoSteps({ kind: "complete" }, before, before, { tasks: [], completed_subtask_ids: [7] })).toEqual([
      { bulk: { ids: [1, 7], set: { completed: false } } },
    ]);
  });

  it("priority and reschedule: one request per old value, skipping tasks that already had the new one", () => {
    const before = [task(1, { priority: "low" }), task(2, { priority: "high" }), task(3, { priority: "low" })];
    expect(undoSteps({ kind: "priority", priority: "high" }, before, before)).toEqual([
      { bulk: { ids: [1, 3], set: { priority: "low" } } },
    ]);
    const dated = [task(1, { due_at: "2026-12-03T10:00:00.000Z" }), task(2)];
    expect(undoSteps({ kind: "reschedule", due_at: "2026-12-05T22:59:59.000Z" }, dated, dated)).toEqual([
      { bulk: { ids: [1], set: { due_at: "2026-12-03T10:00:00.000Z" } } },
      { bulk: { ids: [2], set: { due_at: null } } },
    ]);
  });

  it("tag: removes it only where it was added", () => {
    const before = [task(1, { tags: ["work"] }), task(2)];
    expect(undoSteps({ kind: "tag", tag: "work" }, before, before)).toEqual([
      { bulk: { ids: [2], set: { tags_remove: ["work"] } } },
    ]);
  });

  it("move: puts each run back after the sibling it followed; subtasks travel with their parent", () => {
    const page = [task(1), task(2), task(3), task(4), task(5, { parent_id: 2 })];
    const before = [page[1]!, page[2]!, page[4]!, task(9, { section_id: 4 })];
    expect(undoSteps({ kind: "move", list_id: 8 }, before, page)).toEqual([
      { move: { ids: [2, 3], list_id: 1, section_id: null, parent_id: null, after_id: 1 } },
      { move: { ids: [9], list_id: 1, section_id: 4, parent_id: null } },
    ]);
  });

  it("builds the one bulk request of each action", () => {
    expect(bulkRequest([1, 2], { kind: "tag", tag: "x" })).toEqual({ ids: [1, 2], set: { tags_add: ["x"] } });
    expect(bulkRequest([1], { kind: "move", list_id: 3 })).toEqual({ ids: [1], set: { list_id: 3 } });
  });
});
