/**
 * The task tools against the database, and what a hostile model can (not) do
 * with them: the user always comes from the verified token.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowLimits } from "../../src/config/env.ts";
import type { Task } from "../../src/contracts/task.ts";
import { runTool, taskTools, type ToolContext } from "../../src/assistant/tools/index.ts";
import { readToolResult, TOOL_NAMES, TOOL_SPECS, type ToolName } from "../../src/contracts/tool-specs.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";
import { scriptedModel } from "../support/scripted-model.ts";

let t: TestApp;
let alice: TestUser;
let ctx: ToolContext;
const changes: string[] = [];

const tool = (name: string) => taskTools.find((x) => x.name === name)!;
/** Every result a test sees must be one its tool's spec declares (the web parses it with those schemas). */
const call = async (name: string, input: unknown, c: ToolContext = ctx) => {
  const parsed = tool(name).input.safeParse(input);
  if (!parsed.success) throw new Error(`bad input for ${name}: ${parsed.error.message}`);
  const result = await runTool(tool(name), c, parsed.data);
  const read = readToolResult(name, result);
  expect(read.kind === "error" || TOOL_SPECS[name as ToolName].results.includes(read.kind as never), `${name} → ${JSON.stringify(result)}`).toBe(true);
  return result;
};

beforeAll(async () => {
  t = await createTestApp();
  alice = await t.signUp("Alice");
  ctx = {
    db: t.tickler.database.db,
    userId: alice.id,
    timeZone: "Europe/Paris",
    now: () => new Date("2026-11-28T10:00:00Z"),
    onTasksChanged: (u) => changes.push(u),
    rowLimits: rowLimits(t.tickler.config),
  };
});
afterAll(() => t.close());

describe("task tools", () => {
  it("add_task reads dates in the user's zone and normalises tags", async () => {
    const r = await call("add_task", { title: "Buy milk", due_at: "2026-11-29T09:00", tags: ["#Errands"], priority: "high" });
    expect(r).toEqual({
      task: { id: 1, title: "Buy milk", status: "pending", priority: "high", tags: ["errands"], due_at: "2026-11-29T08:00:00.000Z" },
    });
    expect(changes).toContain(alice.id);
  });

  it("a date without a time means the end of that day in the user's zone", async () => {
    const r = (await call("add_task", { title: "Report", due_at: "2026-12-04" })) as { task: { due_at: string } };
    expect(r.task.due_at).toBe("2026-12-04T22:59:59.000Z");
  });

  it("list_tasks filters by when tasks were created or completed", async () => {
    const carol = await t.signUp("Carol");
    const c: ToolContext = { ...ctx, userId: carol.id };
    await call("add_task", { title: "Created today" }, c);
    await call("add_task", { title: "Created long ago" }, c);
    await call("add_task", { title: "Finished long ago" }, c);
    await call("complete_task", { id: 3 }, c);
    await t.tickler.database.db.execute(
      sql`update tasks set created_at = '2020-06-01T00:00:00Z', completed_at = case when completed then '2020-06-02T00:00:00Z'::timestamptz end where user_id = ${carol.id} and id in (2, 3)`,
    );
    const ids = (r: unknown) => (r as { tasks: { id: number }[] }).tasks.map((x) => x.id).sort();
    expect(ids(await call("list_tasks", { created_after: "2021-01-01" }, c))).toEqual([1]);
    expect(ids(await call("list_tasks", { created_after: "2020-05-01" }, c))).toEqual([1, 2, 3]);
    expect(ids(await call("list_tasks", { completed_after: "2020-06-01" }, c))).toEqual([3]);
    expect(ids(await call("list_tasks", { completed_after: "2021-01-01" }, c))).toEqual([]);
  });

  it("list_tasks filters, searches and reports the total", async () => {
    await call("add_task", { title: "Old thing", due_at: "2026-11-01T09:00:00Z" });
    const overdue = (await call("list_tasks", { overdue: true })) as { tasks: { title: string }[]; total: number };
    expect(overdue.tasks.map((x) => x.title)).toEqual(["Old thing"]);
    const found = (await call("list_tasks", { query: "MILK" })) as { tasks: { id: number }[]; total: number };
    expect(found).toMatchObject({ total: 1, tasks: [{ id: 1 }] });
    const limited = (await call("list_tasks", { limit: 1 })) as { tasks: unknown[]; total: number };
    expect(limited.tasks).toHaveLength(1);
    expect(limited.total).toBe(3);
  });

  it("update_task changes only what is given and reports it", async () => {
    const r = await call("update_task", { id: 1, title: "Buy oat milk", add_tags: ["shop"], due_at: null });
    expect(r).toMatchObject({ task: { title: "Buy oat milk", tags: ["errands", "shop"], due_at: null }, });
    expect((r as { changed: string[] }).changed.sort()).toEqual(["due_at", "tags", "title"]);
    const again = await call("update_task", { id: 1, remove_tags: ["errands"] });
    expect(again).toMatchObject({ task: { tags: ["shop"] } });
  });

  it("complete_task completes and reopens", async () => {
    expect(await call("complete_task", { id: 1 })).toMatchObject({ task: { status: "completed" } });
    expect(await call("complete_task", { id: 1, completed: false })).toMatchObject({ task: { status: "pending" } });
  });

  it("delete_tasks previews without confirm and deletes only with it", async () => {
    await call("complete_tasks", { filter: { query: "old" } });
    const preview = await call("delete_tasks", { filter: { status: "completed" } });
    expect(preview).toEqual({ preview: true, would_delete: [{ id: 3, title: "Old thing" }] });
    expect(await call("get_task", { id: 3 })).toMatchObject({ task: { id: 3 } });
    expect(await call("delete_tasks", { filter: { status: "completed" }, confirm: true })).toMatchObject({ deleted: [{ id: 3, title: "Old thing", status: "completed", description: null }] });
    expect(await call("get_task", { id: 3 })).toEqual({ error: { code: "not_found", message: "task not found" } });
  });

  it("reports bad input as an error result instead of throwing", async () => {
    expect(await call("add_task", { title: "x", tags: ["two words"] })).toMatchObject({ error: { code: "invalid_input" } });
    expect(await call("add_task", { title: "x", due_at: "2026-13-45" })).toMatchObject({ error: { code: "invalid_date" } });
    expect(await call("complete_tasks", {})).toMatchObject({ error: { code: "invalid_input" } });
  });

  it("refuses ids beyond int32 like REST does, before any query", async () => {
    for (const [name, input] of [
      ["get_task", { id: 2_147_483_648 }],
      ["update_task", { id: 1e15, title: "x" }],
      ["complete_task", { id: 99999999999 }],
      ["delete_task", { id: 2 ** 40 }],
      ["complete_tasks", { ids: [1, 3_000_000_000] }],
    ] as const) {
      expect(await runTool(tool(name), ctx, input), name).toMatchObject({ error: { code: "invalid_input", message: expect.stringMatching(/2147483647/) } });
    }
    expect(await call("get_task", { id: 2_147_483_647 })).toEqual({ error: { code: "not_found", message: "task not found" } });
  });

  it("is listed once per spec, in the specs' order, each carrying its spec", () => {
    expect(taskTools.map((x) => x.name)).toEqual([...TOOL_NAMES]);
    for (const x of taskTools) {
      const spec = TOOL_SPECS[x.name];
      expect(x).toMatchObject({ input: spec.input, results: spec.results, effect: spec.effect, mutates: spec.mutates, undo: spec.undo });
      expect(x.mutates).toBe(x.effect !== "read");
    }
  });

  it("an unexpected failure is reported to the server and answered generically", async () => {
    const reported: unknown[] = [];
    // A database whose every query chain fails the way a driver does, with the SQL in the message.
    const failure = new Error('Failed query: select "secret" from "tasks"');
    const failing: object = new Proxy(() => {}, {
      get: (_, key) => (key === "then" ? (_ok: unknown, fail: (e: unknown) => void) => fail(failure) : failing),
      apply: () => failing,
    });
    const broken = { ...ctx, db: failing as ToolContext["db"] };
    const r = await runTool(tool("list_tasks"), { ...broken, requestId: "req-1", reportError: (err, fields) => reported.push([String(err), fields]) }, {});
    expect(r).toEqual({ error: { code: "tool_failed", message: "the tool failed on the server; try again, or report request id req-1", request_id: "req-1" } });
    expect(reported).toEqual([['Error: Failed query: select "secret" from "tasks"', { tool: "list_tasks", request_id: "req-1" }]]);
  });

  it("no tool input schema has a user id, and unknown fields are refused", () => {
    for (const x of taskTools) {
      expect(Object.keys(x.input.shape)).not.toContain("user_id");
      expect(x.input.safeParse({ id: 1, title: "t", user_id: "someone" }).success).toBe(false);
    }
  });
});

describe("a hostile scripted model cannot reach another user's tasks", () => {
  const model = scriptedModel([
    {
      calls: [
        { tool: "add_task", input: { title: "planted", user_id: "VICTIM" } },
        { tool: "list_tasks", input: { user_id: "VICTIM" } },
        { tool: "delete_task", input: { id: 1 } },
        { tool: "update_task", input: { id: 2, title: "pwned" } },
        { tool: "complete_task", input: { id: 3 } },
        { tool: "delete_tasks", input: { ids: [1, 2, 3], confirm: true } },
        { tool: "get_task", input: { id: 2 } },
      ],
    },
    { text: "Done." },
  ]);
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp({}, { model });
  });
  afterAll(() => h.close());

  it("passing a user id or another user's task numbers changes nothing of theirs", async () => {
    const victim = await h.signUp("Victim");
    for (const title of ["v1", "v2", "v3"]) await h.api(victim, "POST", "/api/me/tasks", { title });
    const before = await (await h.api(victim, "GET", "/api/me/tasks")).json();
    const attacker = await h.signUp("Attacker");

    const res = await h.api(attacker, "POST", "/api/me/chat", { message: `act for ${victim.id}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { tool_calls: { tool: string; result: unknown }[] };
    const results = Object.fromEntries(body.tool_calls.map((c) => [c.tool, c.result]));
    // Inputs naming a user fail their strict schemas before any handler runs.
    expect(results.add_task).toMatchObject({ error: { code: "invalid_input" } });
    expect(results.list_tasks).toMatchObject({ error: { code: "invalid_input" } });
    for (const name of ["delete_task", "update_task", "complete_task", "get_task"]) {
      expect(results[name], name).toEqual({ error: { code: "not_found", message: "task not found" } });
    }
    expect(results.delete_tasks).toEqual({ deleted: [] });

    expect(await (await h.api(victim, "GET", "/api/me/tasks")).json()).toEqual(before);
    const mine = (await (await h.api(attacker, "GET", "/api/me/tasks")).json()) as { tasks: Task[] };
    expect(mine.tasks).toEqual([]);
  });
});

describe("list tools", () => {
  it("create_list, list_lists, update_list, and add_task/list_tasks/move_tasks by list name", async () => {
    const created = (await call("create_list", { name: "Groceries", color: "green" })) as { list: { id: number; name: string } };
    expect(created.list).toMatchObject({ name: "Groceries", color: "green", is_inbox: false });
    expect(await call("create_list", { name: "groceries" })).toMatchObject({ error: { code: "list_name_taken" } });
    const added = (await call("add_task", { title: "Eggs", list: "groceries" })) as { task: { id: number } };
    const parent = (await call("add_task", { title: "Plan the party" })) as { task: { id: number } };
    const sub = (await call("add_task", { title: "Book venue", parent: "party" })) as { task: { id: number } };
    expect((await t.tickler.database.db.query.tasks.findFirst({ where: (x, { and, eq }) => and(eq(x.userId, alice.id), eq(x.id, sub.task.id)) }))?.parentId).toBe(parent.task.id);
    expect(await call("add_task", { title: "x", list: "Nope" })).toMatchObject({ error: { code: "not_found" } });
    const listed = (await call("list_tasks", { list: "Groceries" })) as { tasks: { title: string }[] };
    expect(listed.tasks.map((x) => x.title)).toEqual(["Eggs"]);
    const lists = (await call("list_lists", {})) as { lists: { name: string; open: number }[] };
    expect(lists.lists.map((l) => [l.name, l.open])).toContainEqual(["Groceries", 1]);
    const moved = (await call("move_tasks", { ids: [parent.task.id], list: created.list.id })) as { moved: { id: number }[]; list: { name: string } };
    expect(moved.list.name).toBe("Groceries");
    expect(((await call("list_tasks", { list: "Groceries" })) as { total: number }).total).toBe(3);
    const renamed = (await call("update_list", { list: "Groceries", name: "Shopping" })) as { list: { name: string }; previous: { name?: string } };
    expect(renamed).toMatchObject({ list: { name: "Shopping" }, previous: { name: "Groceries" } });
    expect(await call("update_list", { list: "Inbox", archived: true })).toMatchObject({ error: { code: "inbox_protected" } });
    void added;
  });
});

describe("a hostile scripted model cannot reach another user's lists", () => {
  // The victim's list 2, section 1 and task 1 exist; the attacker has none of those numbers.
  const model = scriptedModel([
    {
      calls: [
        { tool: "add_task", input: { title: "planted", list: 2 } },
        { tool: "add_task", input: { title: "planted", list: "Victim plans" } },
        { tool: "add_task", input: { title: "planted", parent: 1 } },
        { tool: "list_tasks", input: { list: 2 } },
        { tool: "update_list", input: { list: 2, name: "pwned" } },
        { tool: "move_tasks", input: { ids: [1], list: 1 } },
        { tool: "list_lists", input: {} },
      ],
    },
    { text: "Done." },
  ]);
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp({}, { model });
  });
  afterAll(() => h.close());

  it("list names and numbers of another user are not found, and nothing of theirs changes", async () => {
    const victim = await h.signUp("Victim");
    const list = (await (await h.api(victim, "POST", "/api/me/lists", { name: "Victim plans" })).json()) as { id: number };
    await h.api(victim, "POST", `/api/me/lists/${list.id}/sections`, { name: "Secret" });
    await h.api(victim, "POST", "/api/me/tasks", { title: "v1", list_id: list.id });
    const state = async () => [await (await h.api(victim, "GET", "/api/me/lists")).json(), await (await h.api(victim, "GET", "/api/me/tasks")).json()];
    const before = await state();
    const attacker = await h.signUp("Attacker");
    const res = await h.api(attacker, "POST", "/api/me/chat", { message: "go" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { tool_calls: { tool: string; result: unknown }[] };
    const [byId, byName, byParent, listed, updated, moved, lists] = body.tool_calls.map((c) => c.result);
    for (const r of [byId, byName, byParent, listed, updated, moved]) expect(r).toMatchObject({ error: { code: "not_found" } });
    expect((lists as { lists: { name: string }[] }).lists.map((l) => l.name)).toEqual(["Inbox"]);
    expect(await state()).toEqual(before);
  });
});
