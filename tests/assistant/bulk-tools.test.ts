/**
 * update_tasks (bulk by filter through the domain bulk edit) and the undo data
 * the list and completion tools return: one write, all or nothing, the
 * verified user's tasks only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowLimits } from "../../src/config/env.ts";
import { runTool, taskTools, type ToolContext } from "../../src/assistant/tools/index.ts";
import { TAGS_MAX } from "../../src/contracts/task.ts";
import { readToolResult, TOOL_SPECS, type ToolName } from "../../src/contracts/tool-specs.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
let ctx: ToolContext;
let bob: ToolContext;
let writes = 0;

const call = async (name: ToolName, input: unknown, c: ToolContext = ctx) => {
  const result = await runTool(
    taskTools.find((x) => x.name === name)!,
    c,
    input,
  );
  const read = readToolResult(name, result);
  expect(
    read.kind === "error" || TOOL_SPECS[name].results.includes(read.kind as never),
    `${name} → ${JSON.stringify(result)}`,
  ).toBe(true);
  return result as unknown as Record<string, unknown>;
};
const add = async (input: Record<string, unknown>, c = ctx) =>
  ((await call("add_task", input, c)).task as { id: number }).id;

beforeAll(async () => {
  t = await createTestApp();
  const alice = await t.signUp("Alice");
  const other = await t.signUp("Bob");
  const base = {
    db: t.tickler.database.db,
    timeZone: "UTC",
    now: () => new Date("2026-11-28T10:00:00Z"),
    onTasksChanged: () => {},
    rowLimits: rowLimits(t.tickler.config),
  };
  ctx = { ...base, userId: alice.id, spendWrite: async () => (writes++, { allowed: true, retryAfter: 0 }) };
  bob = { ...base, userId: other.id };
});
afterAll(() => t.close());

describe("update_tasks", () => {
  it("previews by filter, then changes exactly the previewed tasks in one write, keeping each time of day, with the old values", async () => {
    const a = await add({ title: "Old A", due_at: "2026-11-20T09:00:00Z" });
    const b = await add({ title: "Old B", due_at: "2026-11-21" });
    const later = await add({ title: "Later", due_at: "2026-12-20T09:00:00Z" });
    const preview = await call("update_tasks", { filter: { overdue: true }, due_at: "2026-11-29", keep_time: true });
    expect(preview).toEqual({
      preview: true,
      would_update: [
        { id: a, title: "Old A" },
        { id: b, title: "Old B" },
      ],
      total: 2,
    });
    writes = 0;
    const done = await call("update_tasks", {
      ids: [a, b],
      due_at: "2026-11-29",
      keep_time: true,
      priority: "high",
      confirm: true,
    });
    expect(writes).toBe(1);
    expect((done.updated as { due_at: string }[]).map((x) => x.due_at)).toEqual([
      "2026-11-29T09:00:00.000Z",
      "2026-11-29T23:59:59.000Z",
    ]);
    expect(done.previous).toEqual([
      { id: a, due_at: "2026-11-20T09:00:00.000Z", priority: "none" },
      { id: b, due_at: "2026-11-21T23:59:59.000Z", priority: "none" },
    ]);
    const untouched = (await call("get_task", { id: later })).task as { due_at: string };
    expect(untouched.due_at).toBe("2026-12-20T09:00:00.000Z");
  });

  it("is all or nothing: one task over the tag cap leaves every task as it was", async () => {
    const full = await add({ title: "Full", tags: Array.from({ length: TAGS_MAX }, (_, i) => `t${i}`) });
    const free = await add({ title: "Free" });
    const r = await call("update_tasks", { ids: [free, full], add_tags: ["extra"], priority: "low", confirm: true });
    expect(r.error).toMatchObject({ code: "validation_failed" });
    const after = (await call("get_task", { id: free })).task as { tags: string[]; priority: string };
    expect(after).toMatchObject({ tags: [], priority: "none" });
  });

  it("asks what to change and refuses more than 500 ids", async () => {
    expect((await call("update_tasks", { filter: { overdue: true } })).error).toMatchObject({ code: "invalid_input" });
    expect(
      (await call("update_tasks", { ids: Array.from({ length: 501 }, (_, i) => i + 1), priority: "low" })).error,
    ).toMatchObject({ code: "invalid_input" });
  });

  it("never reaches another user's tasks, whatever ids or filter it is given", async () => {
    const theirs = await add({ title: "Bob's", due_at: "2026-11-20T09:00:00Z" }, bob);
    // Task numbers are per user: a number Alice does not have matches nothing, and Bob's task 1 is not hers.
    const r = await call("update_tasks", { ids: [998, 999], priority: "high", confirm: true });
    expect(r).toEqual({ updated: [], previous: [] });
    await call("update_tasks", { ids: [theirs], priority: "high", confirm: true });
    await call("update_tasks", { filter: { overdue: true }, priority: "high", confirm: true });
    expect(((await call("get_task", { id: theirs }, bob)).task as { priority: string }).priority).toBe("none");
  });
});

describe("undo data of the completion and list tools", () => {
  it("complete_task and complete_tasks name the subtasks they completed, and only those", async () => {
    const parent = await add({ title: "Party" });
    const open = await add({ title: "Invite", parent });
    const already = await add({ title: "Venue", parent });
    await call("complete_task", { id: already });
    const r = await call("complete_task", { id: parent });
    expect(r.completed_subtask_ids).toEqual([open]);
    const p2 = await add({ title: "Trip" });
    const s2 = await add({ title: "Tickets", parent: p2 });
    const many = await call("complete_tasks", { ids: [p2] });
    expect(many.completed_subtask_ids).toEqual([s2]);
  });

  it("move_tasks says where each task was", async () => {
    await call("create_list", { name: "Garden" });
    const id = await add({ title: "Plant tulips" });
    const r = await call("move_tasks", { ids: [id], list: "Garden" });
    expect(r.previous).toEqual([{ id, list_id: 1, section_id: null, parent_id: null }]);
  });
});
