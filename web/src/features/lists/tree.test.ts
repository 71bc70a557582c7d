/** Grouping, nesting and where a drop lands on a list page. */
import { describe, expect, it } from "vitest";
import type { Section } from "#contracts/list.ts";
import type { Task } from "#contracts/task.ts";
import { makeTask } from "../../test/task-fixture.ts";
import { applyMove, flatten, groupBySection, INDENT, project, type FlatItem } from "./tree.ts";

const task = (id: number, position: number, over: Partial<Task> = {}): Task =>
  makeTask({ id, created_at: "2026-12-01T00:00:00Z", updated_at: "2026-12-01T00:00:00Z", position, ...over });
const section = (id: number, position: number): Section => ({
  id,
  list_id: 1,
  name: `s${id}`,
  position,
  created_at: "",
  updated_at: "",
});
const ids = (items: FlatItem[]) => items.map((i) => `${"  ".repeat(i.depth)}${i.task.id}`);

// 1
//   2
//     3
// 4
// 5
const TASKS = [
  task(4, 2048),
  task(1, 1024),
  task(3, 1024, { parent_id: 2 }),
  task(2, 1024, { parent_id: 1 }),
  task(5, 3072),
];

describe("flatten / groupBySection", () => {
  it("orders depth-first by position and counts children", () => {
    const flat = flatten(TASKS);
    expect(ids(flat)).toEqual(["1", "  2", "    3", "4", "5"]);
    expect(flat.find((i) => i.task.id === 1)?.children).toBe(1);
  });

  it("hides the subtasks of a collapsed task, and shows orphans at the top", () => {
    expect(ids(flatten(TASKS, new Set([1])))).toEqual(["1", "4", "5"]);
    expect(ids(flatten([task(9, 1, { parent_id: 77 })]))).toEqual(["9"]);
  });

  it("puts tasks of unknown sections under 'No section', sections in order", () => {
    const groups = groupBySection(
      [task(1, 1, { section_id: 20 }), task(2, 1, { section_id: 10 }), task(3, 1, { section_id: 99 })],
      [section(20, 2), section(10, 1)],
    );
    expect(groups.map((g) => [g.section?.id ?? null, g.items.map((i) => i.task.id)])).toEqual([
      [null, [3]],
      [10, [2]],
      [20, [1]],
    ]);
  });
});

describe("project", () => {
  const flat = flatten(TASKS);
  const item = (id: number) => flat.find((i) => i.task.id === id)!;
  const drop = (id: number, overId: number | null, offsetX = 0) =>
    project({ target: flat, active: item(id), activeTree: flat, overId, offsetX });

  it("moving down lands after the row dropped on, moving up before it", () => {
    expect(drop(4, 5)).toEqual({ depth: 0, parentId: null, afterId: 5 });
    expect(drop(5, 4)).toEqual({ depth: 0, parentId: null, afterId: 1 });
    expect(drop(4, 1)).toEqual({ depth: 0, parentId: null, beforeId: 1 });
  });

  it("dragging right nests under the row above, left un-nests", () => {
    expect(drop(4, 4, INDENT)).toEqual({ depth: 1, parentId: 1, afterId: 2 });
    expect(drop(5, 5, INDENT)).toEqual({ depth: 1, parentId: 4 });
    expect(drop(3, 3, -INDENT)).toEqual({ depth: 1, parentId: 1, afterId: 2 });
    expect(drop(2, 2, -INDENT * 3)).toEqual({ depth: 0, parentId: null, afterId: 1 });
  });

  it("never nests deeper than the row above allows, nor into its own subtree", () => {
    expect(drop(4, 4, INDENT * 10)).toEqual({ depth: 3, parentId: 3 });
    expect(drop(1, 3)).toBeNull();
  });

  it("a drop at a section's end (no row) goes last; into another section before the row", () => {
    expect(drop(1, null)).toEqual({ depth: 0, parentId: null, afterId: 5 });
    const other = flatten([task(10, 1, { section_id: 7 })]);
    expect(project({ target: other, active: item(4), activeTree: flat, overId: 10, offsetX: 0 })).toEqual({
      depth: 0,
      parentId: null,
      beforeId: 10,
    });
    expect(project({ target: [], active: item(1), activeTree: flat, overId: null, offsetX: 0 })).toEqual({
      depth: 0,
      parentId: null,
    });
  });

  it("board cards stay at the top level", () => {
    expect(
      project({ target: flat, active: item(5), activeTree: flat, overId: 5, offsetX: INDENT * 2, flat: true }),
    ).toEqual({ depth: 0, parentId: null, afterId: 4 });
  });
});

describe("applyMove", () => {
  it("places the task between its new neighbours and takes its subtasks into the section", () => {
    const after = applyMove(TASKS, 1, 7, { depth: 0, parentId: null, afterId: 5 });
    expect(after.find((t) => t.id === 1)).toMatchObject({ section_id: 7, position: 3072.5 });
    expect(after.find((t) => t.id === 3)?.section_id).toBe(7);
    expect(applyMove(TASKS, 5, null, { depth: 0, parentId: null, beforeId: 1 }).find((t) => t.id === 5)?.position).toBe(
      1023.5,
    );
  });
});
