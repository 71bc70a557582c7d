import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Task, TaskPage } from "../../src/contracts/task.ts";
import { sweepIdempotencyKeys } from "../../src/resource/idempotency.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let u: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  u = await t.signUp("Idem");
});
afterAll(() => t.close());

const post = (user: TestUser, body: unknown, key?: string, path = "/api/me/tasks") =>
  t.request(path, {
    method: "POST",
    headers: { ...user.headers, ...(key !== undefined && { "idempotency-key": key }) },
    body: JSON.stringify(body),
  });
const titled = async (user: TestUser, title: string) => {
  const res = await t.api(user, "GET", `/api/me/tasks?q=${encodeURIComponent(title)}&limit=100`);
  return ((await res.json()) as TaskPage).tasks.filter((x) => x.title === title);
};

describe("Idempotency-Key on POST /api/{user_id}/tasks", () => {
  it("replays the original answer and creates once", async () => {
    const key = randomUUID();
    const first = await post(u, { title: "once only" }, key);
    expect(first.status).toBe(201);
    const created = (await first.json()) as Task;
    const again = await post(u, { title: "once only" }, key);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(await again.json()).toEqual(created);
    expect(await titled(u, "once only")).toHaveLength(1);
  });

  it("treats /api/me and /api/{id} as the same route", async () => {
    const key = randomUUID();
    expect((await post(u, { title: "me or id" }, key)).status).toBe(201);
    const again = await post(u, { title: "me or id" }, key, `/api/${u.id}/tasks`);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await titled(u, "me or id")).toHaveLength(1);
  });

  it("refuses the same key with a different body (422)", async () => {
    const key = randomUUID();
    expect((await post(u, { title: "first body" }, key)).status).toBe(201);
    const other = await post(u, { title: "second body" }, key);
    expect(other.status).toBe(422);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe("idempotency_key_reused");
    expect(await titled(u, "second body")).toHaveLength(0);
  });

  it("lets concurrent requests with one key create only once", async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(u, { title: "racing" }, key)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409), statuses.join()).toBe(true);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(await titled(u, "racing")).toHaveLength(1);
    const later = await post(u, { title: "racing" }, key);
    expect(later.status).toBe(201);
    expect(await titled(u, "racing")).toHaveLength(1);
  });

  it("keeps keys per user: another user's same key creates their own task", async () => {
    const other = await t.signUp("Idem Other");
    const key = randomUUID();
    const mine = (await (await post(u, { title: "shared key" }, key)).json()) as Task;
    const res = await post(other, { title: "shared key" }, key);
    expect(res.status).toBe(201);
    expect(res.headers.get("idempotent-replayed")).toBeNull();
    expect(await titled(other, "shared key")).toHaveLength(1);
    expect(await titled(u, "shared key")).toEqual([mine]);
  });

  it("replays a validation failure instead of creating with the key later", async () => {
    const key = randomUUID();
    expect((await post(u, { title: "" }, key)).status).toBe(422);
    const again = await post(u, { title: "" }, key);
    expect(again.status).toBe(422);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });

  it("rejects a malformed key with 400 and writes nothing", async () => {
    for (const bad of ["", "x".repeat(256), "with space", "caf\u00e9"]) {
      const res = await t.request("/api/me/tasks", {
        method: "POST",
        headers: { ...u.headers, "idempotency-key": bad },
        body: JSON.stringify({ title: `bad key ${bad.length}` }),
      });
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_idempotency_key");
    }
    for (const n of [0, 256, 10, 4]) expect(await titled(u, `bad key ${n}`)).toHaveLength(0);
  });

  it("forgets a key after 24 h and sweeps expired rows", async () => {
    const key = randomUUID();
    expect((await post(u, { title: "expiring" }, key)).status).toBe(201);
    const { db } = t.tickler.database;
    await db.execute(sql`update idempotency_keys set expires_at = now() - interval '1 second' where key = ${key}`);
    const after = await post(u, { title: "expiring" }, key);
    expect(after.status).toBe(201);
    expect(after.headers.get("idempotent-replayed")).toBeNull();
    expect(await titled(u, "expiring")).toHaveLength(2);
    await db.execute(sql`update idempotency_keys set expires_at = now() - interval '1 second' where key = ${key}`);
    await sweepIdempotencyKeys(db);
    const left = (await db.execute<{ n: number }>(sql`select count(*)::int as n from idempotency_keys where key = ${key}`)) as { rows: { n: number }[] };
    expect(Number(left.rows[0]!.n)).toBe(0);
  });

  it("ignores the header on methods it does not cover", async () => {
    const task = (await (await post(u, { title: "patch me" })).json()) as Task;
    const res = await t.request(`/api/me/tasks/${task.id}`, {
      method: "PATCH",
      headers: { ...u.headers, "idempotency-key": randomUUID() },
      body: JSON.stringify({ title: "patched" }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("idempotent-replayed")).toBeNull();
  });
});
