/** Lists, sections, subtasks, move, bulk and search through the REST API (both databases). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { List, Section } from "../../src/contracts/list.ts";
import type { Task, TaskCounts, TaskPage } from "../../src/contracts/task.ts";
import { eq } from "drizzle-orm";
import { listCounters, lists as listRows } from "../../src/db/schema/lists.ts";
import { nextNumber } from "../../src/domain/lists/lock.ts";
import { createList } from "../../src/domain/lists/service.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let u: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  u = await t.signUp("Organiser");
});
afterAll(() => t.close());

const ok = async <T>(res: Response | Promise<Response>, status = 200): Promise<T> => {
  const r = await res;
  expect(r.status, await r.clone().text()).toBe(status);
  return (r.status === 204 ? undefined : await r.json()) as T;
};
const call = (user: TestUser, method: string, path: string, body?: unknown) => t.api(user, method, path, body);
const mkList = (user: TestUser, name: string, extra: Record<string, unknown> = {}) =>
  ok<List>(call(user, "POST", "/api/me/lists", { name, ...extra }), 201);
const mkTask = (user: TestUser, body: Record<string, unknown>) =>
  ok<Task>(call(user, "POST", "/api/me/tasks", body), 201);
const page = (user: TestUser, query: string) => ok<TaskPage>(call(user, "GET", `/api/me/tasks?${query}`));
const errorOf = async (res: Response | Promise<Response>, status: number) => {
  const r = await res;
  expect(r.status, await r.clone().text()).toBe(status);
  return ((await r.json()) as { error: { code: string; message: string } }).error;
};
const titles = (p: TaskPage) => p.tasks.map((x) => x.title);

describe("lists", () => {
  it("every account has exactly one Inbox, which holds new tasks by default", async () => {
    const fresh = await t.signUp("Newcomer");
    const { lists } = await ok<{ lists: List[] }>(call(fresh, "GET", "/api/me/lists"));
    expect(lists).toHaveLength(1);
    expect(lists[0]).toMatchObject({ name: "Inbox", is_inbox: true, archived: false, color: "grey" });
    const task = await mkTask(fresh, { title: "first" });
    expect(task).toMatchObject({ list_id: lists[0]!.id, section_id: null, parent_id: null });
    const again = await ok<{ lists: List[] }>(call(fresh, "GET", "/api/me/lists"));
    expect(again.lists.filter((l) => l.is_inbox)).toHaveLength(1);
  });

  it("concurrent first requests still create one Inbox", async () => {
    const fresh = await t.signUp("Racer");
    await Promise.all(Array.from({ length: 6 }, (_, i) => mkTask(fresh, { title: `t${i}` })));
    const { lists } = await ok<{ lists: List[] }>(call(fresh, "GET", "/api/me/lists"));
    expect(lists.filter((l) => l.is_inbox)).toHaveLength(1);
  });

  it("creates, reads, renames, recolours and archives a list; names are unique case-insensitively", async () => {
    const work = await mkList(u, "Work", { color: "blue" });
    expect(work).toMatchObject({ name: "Work", color: "blue", is_inbox: false, archived: false });
    expect(await ok<List>(call(u, "GET", `/api/me/lists/${work.id}`))).toEqual(work);
    expect((await errorOf(call(u, "POST", "/api/me/lists", { name: "  work " }), 409)).code).toBe("list_name_taken");
    const patched = await ok<List>(
      call(u, "PATCH", `/api/me/lists/${work.id}`, { name: "Job", color: "red", archived: true }),
    );
    expect(patched).toMatchObject({ name: "Job", color: "red", archived: true });
    const archived = await ok<{ lists: List[] }>(call(u, "GET", "/api/me/lists?archived=true"));
    expect(archived.lists.map((l) => l.id)).toContain(work.id);
    const active = await ok<{ lists: List[] }>(call(u, "GET", "/api/me/lists?archived=false"));
    expect(active.lists.map((l) => l.id)).not.toContain(work.id);
  });

  it("rejects bad list input with 422 and unknown colours", async () => {
    await errorOf(call(u, "POST", "/api/me/lists", { name: "" }), 422);
    await errorOf(call(u, "POST", "/api/me/lists", { name: "x".repeat(101) }), 422);
    await errorOf(call(u, "POST", "/api/me/lists", { name: "ok", color: "mauve" }), 422);
    await errorOf(call(u, "POST", "/api/me/lists", { name: "ok", user_id: "x" }), 422);
    await errorOf(call(u, "GET", "/api/me/lists/abc"), 422);
    await errorOf(call(u, "GET", "/api/me/lists/999999"), 404);
  });

  it("the Inbox can be renamed but not archived or deleted", async () => {
    const { lists } = await ok<{ lists: List[] }>(call(u, "GET", "/api/me/lists"));
    const inbox = lists.find((l) => l.is_inbox)!;
    expect((await ok<List>(call(u, "PATCH", `/api/me/lists/${inbox.id}`, { name: "Tray" }))).name).toBe("Tray");
    expect((await errorOf(call(u, "PATCH", `/api/me/lists/${inbox.id}`, { archived: true }), 422)).code).toBe(
      "inbox_protected",
    );
    expect((await errorOf(call(u, "DELETE", `/api/me/lists/${inbox.id}?tasks=delete`), 422)).code).toBe(
      "inbox_protected",
    );
    await ok(call(u, "PATCH", `/api/me/lists/${inbox.id}`, { name: "Inbox" }));
  });

  it("deleting a list with tasks needs ?tasks=move or ?tasks=delete", async () => {
    const l = await mkList(u, "Doomed");
    const a = await mkTask(u, { title: "keep me", list_id: l.id });
    await mkTask(u, { title: "keep my child", parent_id: a.id });
    expect((await errorOf(call(u, "DELETE", `/api/me/lists/${l.id}`), 409)).code).toBe("list_not_empty");
    await errorOf(call(u, "DELETE", `/api/me/lists/${l.id}?tasks=maybe`), 422);
    await ok(call(u, "DELETE", `/api/me/lists/${l.id}?tasks=move`), 204);
    await errorOf(call(u, "GET", `/api/me/lists/${l.id}`), 404);
    const moved = await ok<Task>(call(u, "GET", `/api/me/tasks/${a.id}`));
    const { lists } = await ok<{ lists: List[] }>(call(u, "GET", "/api/me/lists"));
    expect(moved.list_id).toBe(lists.find((x) => x.is_inbox)!.id);
    expect(moved.subtask_counts).toEqual({ total: 1, completed: 0 });

    const gone = await mkList(u, "Gone");
    const b = await mkTask(u, { title: "bye", list_id: gone.id });
    await ok(call(u, "DELETE", `/api/me/lists/${gone.id}?tasks=delete`), 204);
    await errorOf(call(u, "GET", `/api/me/tasks/${b.id}`), 404);
    const empty = await mkList(u, "Empty");
    await ok(call(u, "DELETE", `/api/me/lists/${empty.id}`), 204);
  });

  it("caps the number of lists per user at 500", async () => {
    const many = await t.signUp("Hoarder");
    // Fill up in one statement (498 creates took 13–33 s on a busy machine), numbered and ranked as
    // createList does, counter included; the 500th and the 501st go through the domain and REST.
    await mkList(many, "L1");
    const { db } = t.tickler.database;
    await db.transaction(async (tx) => {
      const first = await nextNumber(tx, many.id, "list");
      await tx
        .insert(listRows)
        .values(
          Array.from({ length: 497 }, (_, i) => ({
            userId: many.id,
            id: first + i,
            name: `L${i + 2}`,
            color: "grey",
            position: (i + 3) * 1024,
          })),
        );
      await tx
        .update(listCounters)
        .set({ lastListId: first + 496 })
        .where(eq(listCounters.userId, many.id));
    });
    await createList(db, many.id, { name: "L499" });
    expect((await errorOf(call(many, "POST", "/api/me/lists", { name: "one too many" }), 409)).code).toBe(
      "list_limit_reached",
    );
    const { lists } = await ok<{ lists: List[] }>(call(many, "GET", "/api/me/lists"));
    expect(lists).toHaveLength(500);
  });
});

describe("sections", () => {
  it("creates, lists, renames sections; tasks must be in the section's list", async () => {
    const l = await mkList(u, "Sectioned");
    const other = await mkList(u, "Other");
    const s1 = await ok<Section>(call(u, "POST", `/api/me/lists/${l.id}/sections`, { name: "Doing" }), 201);
    const s2 = await ok<Section>(call(u, "POST", `/api/me/lists/${l.id}/sections`, { name: "Done" }), 201);
    expect(s1).toMatchObject({ list_id: l.id, name: "Doing" });
    const { sections } = await ok<{ sections: Section[] }>(call(u, "GET", `/api/me/lists/${l.id}/sections`));
    expect(sections.map((s) => s.name)).toEqual(["Doing", "Done"]);
    expect((await ok<Section>(call(u, "PATCH", `/api/me/sections/${s2.id}`, { name: "Finished" }))).name).toBe(
      "Finished",
    );
    const task = await mkTask(u, { title: "in section", section_id: s1.id });
    expect(task).toMatchObject({ list_id: l.id, section_id: s1.id });
    expect(
      (await errorOf(call(u, "POST", "/api/me/tasks", { title: "x", list_id: other.id, section_id: s1.id }), 422)).code,
    ).toBe("section_in_other_list");
    await errorOf(call(u, "POST", "/api/me/tasks", { title: "x", section_id: 987654 }), 404);
    const f = await page(u, `list_id=${l.id}&section_id=${s1.id}`);
    expect(titles(f)).toEqual(["in section"]);
  });

  it("deleting a section moves its tasks to the top of the list", async () => {
    const l = await mkList(u, "Sections go");
    const s = await ok<Section>(call(u, "POST", `/api/me/lists/${l.id}/sections`, { name: "Temp" }), 201);
    await mkTask(u, { title: "loose 1", list_id: l.id });
    await mkTask(u, { title: "sectioned 1", section_id: s.id });
    await mkTask(u, { title: "sectioned 2", section_id: s.id });
    await ok(call(u, "DELETE", `/api/me/sections/${s.id}`), 204);
    await errorOf(call(u, "GET", `/api/me/sections/${s.id}`), 404);
    expect(titles(await page(u, `list_id=${l.id}&parent_id=none`))).toEqual(["sectioned 1", "sectioned 2", "loose 1"]);
  });
});

describe("subtasks", () => {
  it("nests up to four levels, in the parent's list and section; deeper is 422", async () => {
    const l = await mkList(u, "Deep");
    let parent = await mkTask(u, { title: "L0", list_id: l.id });
    const top = parent;
    for (let level = 1; level <= 4; level += 1) {
      parent = await mkTask(u, { title: `L${level}`, parent_id: parent.id });
      expect(parent.list_id).toBe(l.id);
    }
    expect((await errorOf(call(u, "POST", "/api/me/tasks", { title: "L5", parent_id: parent.id }), 422)).code).toBe(
      "subtask_too_deep",
    );
    const inbox = (await ok<{ lists: List[] }>(call(u, "GET", "/api/me/lists"))).lists.find((x) => x.is_inbox)!;
    expect(
      (await errorOf(call(u, "POST", "/api/me/tasks", { title: "x", parent_id: top.id, list_id: inbox.id }), 422)).code,
    ).toBe("parent_in_other_list");
    const tops = await page(u, `list_id=${l.id}&parent_id=none`);
    expect(titles(tops)).toEqual(["L0"]);
    expect(tops.tasks[0]!.subtask_counts).toEqual({ total: 1, completed: 0 });
    expect(titles(await page(u, `parent_id=${top.id}`))).toEqual(["L1"]);
  });

  it("refuses cycles and too-deep moves, changing nothing", async () => {
    const a = await mkTask(u, { title: "cy-a" });
    const b = await mkTask(u, { title: "cy-b", parent_id: a.id });
    const c = await mkTask(u, { title: "cy-c", parent_id: b.id });
    expect((await errorOf(call(u, "POST", "/api/me/tasks/move", { ids: [a.id], parent_id: c.id }), 422)).code).toBe(
      "subtask_cycle",
    );
    expect((await errorOf(call(u, "POST", "/api/me/tasks/move", { ids: [a.id], parent_id: a.id }), 422)).code).toBe(
      "subtask_cycle",
    );
    const d = await mkTask(u, { title: "cy-d" });
    const e = await mkTask(u, { title: "cy-e", parent_id: d.id });
    await mkTask(u, { title: "cy-f", parent_id: e.id });
    // c is at level 2; d's subtree is 3 levels tall: 2 + 1 + 2 = 5 > 4.
    expect((await errorOf(call(u, "POST", "/api/me/tasks/move", { ids: [d.id], parent_id: c.id }), 422)).code).toBe(
      "subtask_too_deep",
    );
    expect((await ok<Task>(call(u, "GET", `/api/me/tasks/${d.id}`))).parent_id).toBeNull();
    expect((await ok<Task>(call(u, "GET", `/api/me/tasks/${a.id}`))).parent_id).toBeNull();
  });

  it("completing a parent completes its open subtasks; reopening them is exactly the returned ids", async () => {
    const p = await mkTask(u, { title: "party" });
    const c1 = await mkTask(u, { title: "venue", parent_id: p.id });
    const c2 = await mkTask(u, { title: "cake", parent_id: p.id, completed: true });
    const g = await mkTask(u, { title: "candles", parent_id: c1.id });
    const done = await ok<Task & { completed_subtask_ids: number[] }>(
      call(u, "PATCH", `/api/me/tasks/${p.id}/complete`, { completed: true }),
    );
    expect(done.completed).toBe(true);
    expect(done.completed_subtask_ids).toEqual([c1.id, g.id]);
    // Undo: reopen the parent and exactly those.
    await ok(
      call(u, "POST", "/api/me/tasks/bulk", { ids: [p.id, ...done.completed_subtask_ids], set: { completed: false } }),
    );
    const after = await Promise.all([p, c1, c2, g].map((x) => ok<Task>(call(u, "GET", `/api/me/tasks/${x.id}`))));
    expect(after.map((x) => x.completed)).toEqual([false, false, true, false]);
  });

  it("deleting a parent deletes its subtasks at every depth", async () => {
    const p = await mkTask(u, { title: "root" });
    const c = await mkTask(u, { title: "child", parent_id: p.id });
    const g = await mkTask(u, { title: "grandchild", parent_id: c.id });
    await ok(call(u, "DELETE", `/api/me/tasks/${p.id}`), 204);
    await errorOf(call(u, "GET", `/api/me/tasks/${c.id}`), 404);
    await errorOf(call(u, "GET", `/api/me/tasks/${g.id}`), 404);
  });
});

describe("move", () => {
  it("reorders within a list before/after a sibling and appends by default", async () => {
    const l = await mkList(u, "Order");
    const [a, b, c] = [
      await mkTask(u, { title: "a", list_id: l.id }),
      await mkTask(u, { title: "b", list_id: l.id }),
      await mkTask(u, { title: "c", list_id: l.id }),
    ];
    expect(titles(await page(u, `list_id=${l.id}`))).toEqual(["a", "b", "c"]);
    await ok(call(u, "POST", "/api/me/tasks/move", { ids: [c.id], before_id: a.id }));
    expect(titles(await page(u, `list_id=${l.id}`))).toEqual(["c", "a", "b"]);
    await ok(call(u, "POST", "/api/me/tasks/move", { ids: [c.id, a.id], after_id: b.id }));
    expect(titles(await page(u, `list_id=${l.id}`))).toEqual(["b", "c", "a"]);
    // sort=position pages through with a cursor.
    const first = await page(u, `list_id=${l.id}&limit=2`);
    expect(titles(first)).toEqual(["b", "c"]);
    expect(titles(await page(u, `list_id=${l.id}&limit=2&cursor=${first.next_cursor}`))).toEqual(["a"]);
  });

  it("moving a parent to another list takes its subtasks along", async () => {
    const from = await mkList(u, "From");
    const to = await mkList(u, "To");
    const s = await ok<Section>(call(u, "POST", `/api/me/lists/${to.id}/sections`, { name: "Here" }), 201);
    const p = await mkTask(u, { title: "parent", list_id: from.id });
    const c = await mkTask(u, { title: "sub", parent_id: p.id });
    const g = await mkTask(u, { title: "subsub", parent_id: c.id });
    const { tasks } = await ok<{ tasks: Task[] }>(
      call(u, "POST", "/api/me/tasks/move", { ids: [p.id], section_id: s.id }),
    );
    expect(tasks[0]).toMatchObject({ id: p.id, list_id: to.id, section_id: s.id, parent_id: null });
    for (const x of [c, g])
      expect(await ok<Task>(call(u, "GET", `/api/me/tasks/${x.id}`))).toMatchObject({
        list_id: to.id,
        section_id: s.id,
      });
    expect((await ok<Task>(call(u, "GET", `/api/me/tasks/${g.id}`))).parent_id).toBe(c.id);
  });

  it("rejects bad moves with a clear 4xx and moves nothing", async () => {
    const l = await mkList(u, "Bad moves");
    const other = await mkList(u, "Elsewhere");
    const s = await ok<Section>(call(u, "POST", `/api/me/lists/${other.id}/sections`, { name: "S" }), 201);
    const a = await mkTask(u, { title: "a", list_id: l.id });
    const b = await mkTask(u, { title: "b", list_id: l.id });
    const move = (body: unknown) => call(u, "POST", "/api/me/tasks/move", body);
    expect((await errorOf(move({ ids: [a.id], list_id: 999999 }), 404)).message).toMatch(/list/);
    expect((await errorOf(move({ ids: [a.id, 999999], list_id: other.id }), 404)).message).toMatch(/task/);
    expect((await errorOf(move({ ids: [a.id], list_id: l.id, section_id: s.id }), 422)).code).toBe(
      "section_in_other_list",
    );
    expect((await errorOf(move({ ids: [a.id], before_id: a.id }), 422)).code).toBe("anchor_is_moved");
    expect((await errorOf(move({ ids: [a.id], list_id: other.id, before_id: b.id }), 422)).code).toBe(
      "anchor_not_in_destination",
    );
    expect((await errorOf(move({ ids: [a.id] }), 422)).code).toBe("no_destination");
    await errorOf(move({ ids: [a.id], before_id: b.id, after_id: b.id }), 422);
    await errorOf(move({ ids: [] }), 422);
    await errorOf(move({ ids: Array.from({ length: 501 }, (_, i) => i + 1), list_id: l.id }), 422);
    expect(titles(await page(u, `list_id=${l.id}`))).toEqual(["a", "b"]);
  });

  it("keeps positions a total order under concurrent moves", async () => {
    const l = await mkList(u, "Busy");
    const ts: Task[] = [];
    for (let i = 0; i < 8; i += 1) ts.push(await mkTask(u, { title: `m${i}`, list_id: l.id }));
    await Promise.all(
      ts.map((x, i) =>
        ok(call(u, "POST", "/api/me/tasks/move", { ids: [x.id], before_id: ts[(i + 3) % ts.length]!.id })),
      ),
    );
    const after = await page(u, `list_id=${l.id}`);
    expect(after.tasks.map((x) => x.id).sort((a, b) => a - b)).toEqual(ts.map((x) => x.id));
    expect(new Set(after.tasks.map((x) => x.position)).size).toBe(ts.length);
  });
});

describe("bulk", () => {
  it("sets fields on many tasks at once, all-or-nothing", async () => {
    const l = await mkList(u, "Bulk target");
    const xs = await Promise.all(["b1", "b2", "b3"].map((title) => mkTask(u, { title, tags: ["old"] })));
    const ids = xs.map((x) => x.id);
    const res = await ok<{ tasks: Task[] }>(
      call(u, "POST", "/api/me/tasks/bulk", {
        ids,
        set: {
          priority: "high",
          tags_add: ["new", "old"],
          tags_remove: ["old"],
          due_at: "2027-01-02T09:00:00Z",
          list_id: l.id,
        },
      }),
    );
    expect(res.tasks.map((x) => [x.priority, x.tags, x.due_at, x.list_id])).toEqual(
      xs.map(() => ["high", ["new"], "2027-01-02T09:00:00.000Z", l.id]),
    );
    // One unknown id: nothing changes.
    await errorOf(call(u, "POST", "/api/me/tasks/bulk", { ids: [...ids, 999999], set: { priority: "low" } }), 404);
    expect((await ok<Task>(call(u, "GET", `/api/me/tasks/${ids[0]}`))).priority).toBe("high");
    // A tag cap overflow: nothing changes.
    const tags = Array.from({ length: 20 }, (_, i) => `t${i}`);
    await errorOf(call(u, "POST", "/api/me/tasks/bulk", { ids, set: { tags_add: tags } }), 422);
    expect((await ok<Task>(call(u, "GET", `/api/me/tasks/${ids[0]}`))).tags).toEqual(["new"]);
    await errorOf(
      call(u, "POST", "/api/me/tasks/bulk", {
        ids: Array.from({ length: 501 }, (_, i) => i + 1),
        set: { priority: "low" },
      }),
      422,
    );
    await errorOf(call(u, "POST", "/api/me/tasks/bulk", { ids, set: {} }), 422);
    await errorOf(call(u, "POST", "/api/me/tasks/bulk", { ids, delete: false }), 422);
    const del = await ok<{ deleted: number[] }>(call(u, "POST", "/api/me/tasks/bulk", { ids, delete: true }));
    expect(del.deleted).toEqual([...ids].sort((x, y) => x - y));
    await errorOf(call(u, "GET", `/api/me/tasks/${ids[0]}`), 404);
  });

  it("replays with the same Idempotency-Key instead of writing twice", async () => {
    const x = await mkTask(u, { title: "idem" });
    const headers = { ...u.headers, "idempotency-key": `bulk-${x.id}` };
    const body = JSON.stringify({ ids: [x.id], set: { tags_add: ["once"] } });
    const first = await t.request("/api/me/tasks/bulk", { method: "POST", headers, body });
    expect(first.status).toBe(200);
    const again = await t.request("/api/me/tasks/bulk", { method: "POST", headers, body });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
  });
});

describe("search", () => {
  it("matches every word, any order, across title, description, tags and list name, ignoring case and accents", async () => {
    const s = await t.signUp("Searcher");
    const work = await mkList(s, "Wörk stuff");
    await mkTask(s, { title: "Renew passport", description: "need new photos" });
    await mkTask(s, { title: "Photos for passport" });
    await mkTask(s, { title: "Only passport" });
    await mkTask(s, { title: "Report", tags: ["work"] });
    await mkTask(s, { title: "Call Zoë about the Café" });
    await mkTask(s, { title: "Quarterly numbers", list_id: work.id });
    const q = (words: string) => page(s, `q=${encodeURIComponent(words)}`).then(titles);
    expect((await q("passport photos")).sort()).toEqual(["Photos for passport", "Renew passport"]);
    expect(await q("photos passport")).toContain("Renew passport");
    expect((await q("work")).sort()).toEqual(["Quarterly numbers", "Report"]);
    expect(await q("zoe CAFE")).toEqual(["Call Zoë about the Café"]);
    expect(await q("café zoë")).toEqual(["Call Zoë about the Café"]);
    expect(await q("100%")).toEqual([]);
    // Title matches rank first.
    expect((await q("passport photos"))[0]).toBe("Photos for passport");
    const first = await page(s, "q=passport&limit=1");
    const second = await page(s, `q=passport&limit=1&cursor=${first.next_cursor}`);
    expect(titles(second)).not.toEqual(titles(first));
    await errorOf(call(s, "GET", "/api/me/tasks?sort=relevance"), 422);
    // Cursors: one made for another sort, or with a non-integer rank, is refused.
    const byPosition = await page(s, `list_id=${work.id}&limit=1`);
    expect(
      (
        await errorOf(
          call(
            s,
            "GET",
            `/api/me/tasks?q=passport&cursor=${byPosition.next_cursor ?? first.next_cursor!.slice(0, -2)}`,
          ),
          422,
        )
      ).code,
    ).toBe("invalid_cursor");
    const forged = Buffer.from(JSON.stringify({ s: "relevance", o: "desc", v: 1.5, id: 1 })).toString("base64url");
    expect((await errorOf(call(s, "GET", `/api/me/tasks?q=passport&cursor=${forged}`), 422)).code).toBe(
      "invalid_cursor",
    );
    const wrongSort = Buffer.from(JSON.stringify({ s: "position", o: "asc", v: "x", id: 1 })).toString("base64url");
    expect((await errorOf(call(s, "GET", `/api/me/tasks?list_id=${work.id}&cursor=${wrongSort}`), 422)).code).toBe(
      "invalid_cursor",
    );
  });
});

describe("counts", () => {
  it("counts tasks per list", async () => {
    const s = await t.signUp("Counter");
    const l = await mkList(s, "Counted");
    await mkTask(s, { title: "a", list_id: l.id });
    await mkTask(s, { title: "b", list_id: l.id, completed: true });
    await mkTask(s, { title: "c" });
    const counts = await ok<TaskCounts>(call(s, "GET", "/api/me/tasks/counts"));
    expect(counts.lists.find((x) => x.list_id === l.id)).toEqual({ list_id: l.id, all: 2, pending: 1, completed: 1 });
    expect(counts.lists).toHaveLength(2);
  });
});
