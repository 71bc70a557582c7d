import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Task, TaskPage } from "../../src/contracts/task.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let u: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  u = await t.signUp("Tasker");
});
afterAll(() => t.close());

const create = async (user: TestUser, body: Record<string, unknown>) => {
  const res = await t.api(user, "POST", "/api/me/tasks", body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Task;
};
const list = async (user: TestUser, query: string) => {
  const res = await t.api(user, "GET", `/api/me/tasks?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as TaskPage;
};

describe("create, read, update, complete, delete", () => {
  it("creates with defaults, trims the title and normalises tags", async () => {
    const task = await create(u, { title: "  Buy milk  ", tags: ["Errands", "#errands", "home"] });
    expect(task).toMatchObject({
      title: "Buy milk",
      description: null,
      completed: false,
      completed_at: null,
      priority: "none",
      tags: ["errands", "home"],
      due_at: null,
    });
    expect(Number.isInteger(task.id)).toBe(true);
    expect(task.created_at).toBe(task.updated_at);
  });

  it("numbers tasks per user from 1, and never reuses a number", async () => {
    const fresh = await t.signUp("Counter");
    const a = await create(fresh, { title: "a" });
    const b = await create(fresh, { title: "b" });
    expect([a.id, b.id]).toEqual([1, 2]);
    await t.api(fresh, "DELETE", `/api/me/tasks/${b.id}`);
    expect((await create(fresh, { title: "c" })).id).toBe(3);
  });

  it("gives distinct numbers to concurrent creates", async () => {
    const fresh = await t.signUp("Concurrent");
    const tasks = await Promise.all(Array.from({ length: 20 }, (_, i) => create(fresh, { title: `t${i}` })));
    expect(new Set(tasks.map((x) => x.id)).size).toBe(20);
  });

  it("places concurrent creates after each other, in the order of their numbers", async () => {
    // Each create reads its siblings' last position after taking the user's locks (decision 027):
    // one that waited for another sees its row, so no two get the same place.
    const fresh = await t.signUp("Appender");
    await create(fresh, { title: "first" }); // makes the Inbox
    const tasks = await Promise.all(Array.from({ length: 20 }, (_, i) => create(fresh, { title: `t${i}` })));
    const byId = [...tasks].sort((a, b) => a.id - b.id);
    expect(new Set(tasks.map((x) => x.position)).size).toBe(20);
    expect(byId.map((x) => x.position)).toEqual(byId.map((x) => x.position).sort((a, b) => a - b));
  });

  it("refuses a list that is not the user's, and the refusal uses no number", async () => {
    const fresh = await t.signUp("Wrong list");
    expect((await create(fresh, { title: "a" })).id).toBe(1);
    const res = await t.api(fresh, "POST", "/api/me/tasks", { title: "b", list_id: 999 });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
    expect((await create(fresh, { title: "c" })).id).toBe(2);
  });

  it("stores due dates with a time zone as UTC", async () => {
    const task = await create(u, { title: "Call", due_at: "2026-12-01T09:30:00+01:00" });
    expect(task.due_at).toBe("2026-12-01T08:30:00.000Z");
  });

  it("PATCH changes only what is sent and clears with null", async () => {
    const task = await create(u, { title: "Patch me", description: "d", priority: "high", tags: ["x"], due_at: "2026-12-01T00:00:00Z" });
    let res = await t.api(u, "PATCH", `/api/me/tasks/${task.id}`, { title: "Patched" });
    expect(await res.json()).toMatchObject({ title: "Patched", description: "d", priority: "high", tags: ["x"] });
    res = await t.api(u, "PATCH", `/api/me/tasks/${task.id}`, { description: null, priority: null, tags: null, due_at: null });
    const cleared = (await res.json()) as Task;
    expect(cleared).toMatchObject({ title: "Patched", description: null, priority: "none", tags: [], due_at: null });
    expect(cleared.updated_at >= task.updated_at).toBe(true);
  });

  it("PATCH refuses to clear the title", async () => {
    const task = await create(u, { title: "Keep" });
    const res = await t.api(u, "PATCH", `/api/me/tasks/${task.id}`, { title: null });
    expect(res.status).toBe(422);
  });

  it("PUT replaces the whole task; omitted fields return to defaults", async () => {
    const task = await create(u, { title: "Old", description: "old", priority: "low", tags: ["a"] });
    const res = await t.api(u, "PUT", `/api/me/tasks/${task.id}`, { title: "New" });
    expect(await res.json()).toMatchObject({ id: task.id, title: "New", description: null, priority: "none", tags: [] });
  });

  it("complete: a body sets it, an empty body toggles, completed_at follows", async () => {
    const task = await create(u, { title: "Toggle" });
    let res = await t.request(`/api/me/tasks/${task.id}/complete`, { method: "PATCH", headers: { authorization: u.headers.authorization! } });
    let body = (await res.json()) as Task;
    expect(body.completed).toBe(true);
    expect(body.completed_at).not.toBeNull();
    res = await t.api(u, "PATCH", `/api/me/tasks/${task.id}/complete`, { completed: true });
    expect(((await res.json()) as Task).completed_at).toBe(body.completed_at); // already done: time kept
    res = await t.api(u, "PATCH", `/api/me/tasks/${task.id}/complete`, {});
    body = (await res.json()) as Task;
    expect(body).toMatchObject({ completed: false, completed_at: null });
    res = await t.api(u, "PATCH", `/api/me/tasks/${task.id}/complete`, { completed: false });
    expect(((await res.json()) as Task).completed).toBe(false);
  });

  it("DELETE answers 204, then the task is gone", async () => {
    const task = await create(u, { title: "Bye" });
    expect((await t.api(u, "DELETE", `/api/me/tasks/${task.id}`)).status).toBe(204);
    expect((await t.api(u, "GET", `/api/me/tasks/${task.id}`)).status).toBe(404);
    expect((await t.api(u, "DELETE", `/api/me/tasks/${task.id}`)).status).toBe(404);
  });
});

describe("list filters", () => {
  let f: TestUser;
  beforeAll(async () => {
    f = await t.signUp("Filterer");
    await create(f, { title: "Pay rent", priority: "high", tags: ["bills", "home"], due_at: "2020-01-01T00:00:00Z" });
    await create(f, { title: "Water plants", priority: "low", tags: ["home"], due_at: "2099-01-01T00:00:00Z" });
    await create(f, { title: "100% done_deal", description: "literal percent", completed: true });
    await create(f, { title: "Read", description: "a book about 100 things" });
  });

  const titles = (p: TaskPage) => p.tasks.map((x) => x.title).sort();

  it("filters by status", async () => {
    expect(titles(await list(f, "status=completed"))).toEqual(["100% done_deal"]);
    expect((await list(f, "status=pending")).tasks).toHaveLength(3);
    expect((await list(f, "status=all")).tasks).toHaveLength(4);
  });
  it("filters by priority, repeatable", async () => {
    expect(titles(await list(f, "priority=high"))).toEqual(["Pay rent"]);
    expect(titles(await list(f, "priority=high&priority=low"))).toEqual(["Pay rent", "Water plants"]);
  });
  it("filters by tags: every given tag must be present", async () => {
    expect(titles(await list(f, "tag=home"))).toEqual(["Pay rent", "Water plants"]);
    expect(titles(await list(f, "tag=home&tag=bills"))).toEqual(["Pay rent"]);
  });
  it("filters by due range and overdue", async () => {
    expect(titles(await list(f, "due_before=2030-01-01T00:00:00Z"))).toEqual(["Pay rent"]);
    expect(titles(await list(f, "due_after=2030-01-01T00:00:00Z"))).toEqual(["Water plants"]);
    expect(titles(await list(f, "overdue=true"))).toEqual(["Pay rent"]);
  });
  it("filters by when a task was created or completed", async () => {
    // Back-date two tasks: one pending, one completed long ago.
    await t.tickler.database.db.execute(
      sql`update tasks set created_at = '2020-06-01T00:00:00Z', completed_at = case when completed then '2020-06-02T00:00:00Z'::timestamptz end where user_id = ${f.id} and title in ('Pay rent', '100% done_deal')`,
    );
    expect(titles(await list(f, "created_after=2021-01-01T00:00:00Z"))).toEqual(["Read", "Water plants"]);
    expect(titles(await list(f, "created_after=2020-01-01T00:00:00Z"))).toHaveLength(4);
    expect(titles(await list(f, "completed_after=2020-06-01T00:00:00Z"))).toEqual(["100% done_deal"]);
    expect(titles(await list(f, "completed_after=2021-01-01T00:00:00Z"))).toEqual([]);
    expect((await t.api(f, "GET", "/api/me/tasks?created_after=yesterday")).status).toBe(422);
  });
  it("searches title and description case-insensitively, with % and _ literal", async () => {
    expect(titles(await list(f, "q=RENT"))).toEqual(["Pay rent"]);
    expect(titles(await list(f, "q=book"))).toEqual(["Read"]);
    expect(titles(await list(f, `q=${encodeURIComponent("100%")}`))).toEqual(["100% done_deal"]);
    expect(titles(await list(f, "q=e_d"))).toEqual(["100% done_deal"]);
    expect((await list(f, `q=${encodeURIComponent("%")}`)).tasks).toHaveLength(1);
  });
  it("counts per filter", async () => {
    const res = await t.api(f, "GET", "/api/me/tasks/counts?tz=Europe/Paris");
    expect(await res.json()).toMatchObject({ all: 4, pending: 3, completed: 1, overdue: 1, due_today: 0, upcoming: 1 });
    expect((await t.api(f, "GET", "/api/me/tasks/counts?tz=Mars/Olympus")).status).toBe(422);
  });
});

describe("sort and cursor pagination", () => {
  let s: TestUser;
  beforeAll(async () => {
    s = await t.signUp("Sorter");
    const specs = [
      { title: "banana", priority: "low", due_at: "2026-12-03T00:00:00Z" },
      { title: "Apple", priority: "high" },
      { title: "cherry", priority: "medium", due_at: "2026-12-01T00:00:00Z" },
      { title: "date", priority: "high", due_at: "2026-12-02T00:00:00Z" },
      { title: "elder", priority: "none" },
    ];
    for (const spec of specs) await create(s, spec);
  });

  const all = async (query: string, limit: number) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: TaskPage = await list(s, `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.tasks.map((x) => x.title));
      cursor = page.next_cursor;
    } while (cursor);
    return seen;
  };

  it("sorts by title case-insensitively", async () => {
    expect(await all("sort=title", 2)).toEqual(["Apple", "banana", "cherry", "date", "elder"]);
    expect(await all("sort=title&order=desc", 2)).toEqual(["elder", "date", "cherry", "banana", "Apple"]);
  });
  it("sorts by priority rank, newest first within a rank", async () => {
    expect(await all("sort=priority", 2)).toEqual(["date", "Apple", "cherry", "banana", "elder"]);
    expect(await all("sort=priority&order=asc", 3)).toEqual(["elder", "banana", "cherry", "Apple", "date"]);
  });
  it("sorts by due date with tasks without one last, in both orders", async () => {
    expect(await all("sort=due_at", 2)).toEqual(["cherry", "date", "banana", "Apple", "elder"]);
    expect(await all("sort=due_at&order=desc", 1)).toEqual(["banana", "date", "cherry", "elder", "Apple"]);
  });
  it("sorts by creation, newest first by default", async () => {
    expect(await all("sort=created_at", 2)).toEqual(["elder", "date", "cherry", "Apple", "banana"]);
  });
  it("stays correct while tasks are inserted between pages", async () => {
    const first = await list(s, "sort=created_at&order=asc&limit=2");
    await create(s, { title: "fig" });
    const rest: string[] = [];
    let cursor = first.next_cursor;
    while (cursor) {
      const page = await list(s, `sort=created_at&order=asc&limit=2&cursor=${cursor}`);
      rest.push(...page.tasks.map((x) => x.title));
      cursor = page.next_cursor;
    }
    expect([...first.tasks.map((x) => x.title), ...rest]).toEqual(["banana", "Apple", "cherry", "date", "elder", "fig"]);
  });
  it("refuses a cursor from another sort or a forged one", async () => {
    const page = await list(s, "sort=title&limit=1");
    expect((await t.api(s, "GET", `/api/me/tasks?sort=due_at&limit=1&cursor=${page.next_cursor}`)).status).toBe(422);
    expect((await t.api(s, "GET", "/api/me/tasks?cursor=garbage")).status).toBe(422);
    const forged = Buffer.from(JSON.stringify({ s: "created_at", o: "desc", v: "'; drop table tasks;--", id: 1 })).toString("base64url");
    expect((await t.api(s, "GET", `/api/me/tasks?cursor=${forged}`)).status).toBe(422);
  });
});
