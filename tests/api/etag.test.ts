/**
 * Conditional GETs of the task list and the counts (decision 023): the ETag
 * changes with any change to the user's tasks, lists or sections, whatever
 * route or statement made it, and with nothing another user does; a matching
 * If-None-Match is a 304 with no body. Both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Task } from "../../src/contracts/task.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let a: TestUser;
let b: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  [a, b] = [await t.signUp("Etag A"), await t.signUp("Etag B")];
});
afterAll(() => t.close());

const get = (user: TestUser, path: string, etag?: string) =>
  t.request(path, { headers: { authorization: `Bearer ${user.token}`, ...(etag ? { "if-none-match": etag } : {}) } });
const send = async (user: TestUser, method: string, path: string, body?: unknown) => {
  const res = await t.api(user, method, path, body);
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return res.status === 204 ? undefined : ((await res.json()) as Record<string, unknown>);
};
/** The path's current ETag, after checking that it revalidates to a 304 with an empty body. */
const etagOf = async (user: TestUser, path: string): Promise<string> => {
  const full = await get(user, path);
  expect(full.status).toBe(200);
  const etag = full.headers.get("etag")!;
  expect(etag).toMatch(/^W\/".+"$/);
  expect(full.headers.get("cache-control")).toBe("private, no-cache");
  const again = await get(user, path, etag);
  expect(again.status).toBe(304);
  expect(again.headers.get("etag")).toBe(etag);
  expect(await again.text()).toBe("");
  return etag;
};

const LIST = "/api/me/tasks?limit=50";
const COUNTS = "/api/me/tasks/counts?tz=Europe/Berlin";

describe("ETag and If-None-Match", () => {
  it("changes with every kind of change to the user's data, on the list and the counts", async () => {
    const task = (await send(a, "POST", "/api/me/tasks", { title: "first" })) as unknown as Task;
    const changes: [string, () => Promise<unknown>][] = [
      ["create", () => send(a, "POST", "/api/me/tasks", { title: "second" })],
      ["patch", () => send(a, "PATCH", `/api/me/tasks/${task.id}`, { title: "renamed" })],
      ["complete", () => send(a, "PATCH", `/api/me/tasks/${task.id}/complete`)],
      ["bulk", () => send(a, "POST", "/api/me/tasks/bulk", { ids: [task.id], set: { priority: "high" } })],
      ["new list", () => send(a, "POST", "/api/me/lists", { name: "Errands" })],
      ["move", async () => {
        const { lists } = (await send(a, "GET", "/api/me/lists")) as { lists: { id: number; name: string }[] };
        return send(a, "POST", "/api/me/tasks/move", { ids: [task.id], list_id: lists.find((l) => l.name === "Errands")!.id });
      }],
      ["rename list", async () => {
        const { lists } = (await send(a, "GET", "/api/me/lists")) as { lists: { id: number; name: string }[] };
        return send(a, "PATCH", `/api/me/lists/${lists.find((l) => l.name === "Errands")!.id}`, { name: "Chores" });
      }],
      ["delete", () => send(a, "DELETE", `/api/me/tasks/${task.id}`)],
    ];
    const seen = new Set<string>();
    for (const [what, change] of changes) {
      const before = [await etagOf(a, LIST), await etagOf(a, COUNTS)];
      before.forEach((e) => seen.add(e));
      await change();
      const staleList = await get(a, LIST, before[0]);
      const staleCounts = await get(a, COUNTS, before[1]);
      expect([what, staleList.status, staleCounts.status]).toEqual([what, 200, 200]);
      expect(staleList.headers.get("etag")).not.toBe(before[0]);
    }
    const last = [await etagOf(a, LIST), await etagOf(a, COUNTS)];
    for (const e of last) expect(seen.has(e)).toBe(false);
  });

  it("does not change with another user's writes, and another user's tag never validates", async () => {
    await send(a, "POST", "/api/me/tasks", { title: "mine" });
    const list = await etagOf(a, LIST);
    const counts = await etagOf(a, COUNTS);
    await send(b, "POST", "/api/me/tasks", { title: "theirs" });
    await send(b, "POST", "/api/me/lists", { name: "B's list" });
    expect((await get(a, LIST, list)).status).toBe(304);
    expect((await get(a, COUNTS, counts)).status).toBe(304);
    // Same URL (/api/me/…), same query: B sending A's tag gets B's own data, not a 304.
    const theirs = await get(b, LIST, list);
    expect(theirs.status).toBe(200);
    expect(((await theirs.json()) as { tasks: Task[] }).tasks.map((x) => x.title)).toContain("theirs");
  });

  it("differs per query and honours a list of tags and *", async () => {
    const pending = await etagOf(a, "/api/me/tasks?status=pending");
    const all = await etagOf(a, "/api/me/tasks?status=all");
    expect(pending).not.toBe(all);
    expect((await get(a, "/api/me/tasks?status=all", pending)).status).toBe(200);
    expect((await get(a, "/api/me/tasks?status=all", `W/"nope", ${all}`)).status).toBe(304);
    expect((await get(a, "/api/me/tasks?status=all", "*")).status).toBe(304);
    // A strong form of the same opaque tag still matches (weak comparison).
    expect((await get(a, "/api/me/tasks?status=all", all.replace(/^W\//, ""))).status).toBe(304);
  });

  it("a 304 still needs a valid token and the user's own path", async () => {
    const etag = await etagOf(a, LIST);
    expect((await t.request(LIST, { headers: { "if-none-match": etag } })).status).toBe(401);
    expect((await get(a, `/api/${b.id}/tasks?limit=50`, etag)).status).toBe(403);
  });

  it("an overdue list and the counts change when a due time passes, with no write", async () => {
    // The tags must be taken before the due time; a slow machine gets a longer lead.
    let taken: { soon: string; overdue: string; counts: string } | undefined;
    for (const lead of [2_000, 8_000, 30_000]) {
      const soon = new Date(Date.now() + lead).toISOString();
      await send(a, "POST", "/api/me/tasks", { title: `due soon ${lead}`, due_at: soon });
      const overdue = await etagOf(a, "/api/me/tasks?overdue=true");
      const counts = await etagOf(a, COUNTS);
      if (Date.now() < Date.parse(soon)) {
        taken = { soon, overdue, counts };
        break;
      }
    }
    const { soon, overdue, counts } = taken!;
    // Wait for the due time itself (a condition on the clock, not a fixed sleep).
    await expect.poll(() => Date.now() > Date.parse(soon), { timeout: 40_000, interval: 100 }).toBe(true);
    expect((await get(a, "/api/me/tasks?overdue=true", overdue)).status).toBe(200);
    expect((await get(a, COUNTS, counts)).status).toBe(200);
  });
});
