/**
 * Crafted list cursors: every decoder (tasks, conversations, ChatKit pages)
 * answers `invalid_cursor` for anything it did not issue itself, and never
 * lets a value reach SQL that PostgreSQL would refuse (a 500).
 * @see issue 14 item 7
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let u: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  u = await t.signUp("Cursor Crafter");
  for (const title of ["one", "two", "three"]) {
    const res = await t.api(u, "POST", "/api/me/tasks", { title, due_at: "2026-12-03T00:00:00Z" });
    expect(res.status).toBe(201);
  }
  // Two conversations (the offline assistant answers; no task is changed).
  for (let i = 0; i < 2; i++) expect((await t.api(u, "POST", "/api/me/chat", { message: "what's overdue?" })).status).toBe(200);
});
afterAll(() => t.close());

const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
const task = (s: string, o: string, v: unknown, id: unknown = 1) => b64({ s, o, v, id });

const expectInvalid = async (res: Response) => {
  const text = await res.text();
  expect(res.status, text).toBe(422);
  expect(JSON.parse(text)).toMatchObject({ error: { code: "invalid_cursor" } });
};

describe("task list cursors", () => {
  const time = ["created_at", "updated_at"] as const;
  const cases: [string, string, string][] = [
    ...time.flatMap((s): [string, string, string][] => [
      [`${s}: a year beyond PostgreSQL's range`, `sort=${s}`, task(s, "desc", "+275760-09-13T00:00:00.000Z")],
      [`${s}: a date Date.parse takes but PostgreSQL does not ("1")`, `sort=${s}`, task(s, "desc", "1")],
      [`${s}: a free-form date`, `sort=${s}`, task(s, "desc", "Tue, 01 Dec 2026 10:00:00 GMT")],
      [`${s}: a number`, `sort=${s}`, task(s, "desc", 1)],
      [`${s}: null`, `sort=${s}`, task(s, "desc", null)],
      [`${s}: year 0`, `sort=${s}`, task(s, "desc", "0000-01-01T00:00:00.000Z")],
      [`${s}: a month 13`, `sort=${s}`, task(s, "desc", "2026-13-01T00:00:00.000Z")],
    ]),
    ["due_at: a year beyond range", "sort=due_at", task("due_at", "asc", "+275760-09-13T00:00:00.000Z")],
    ["due_at: a number", "sort=due_at", task("due_at", "asc", 5)],
    ["priority: 1e300", "sort=priority", task("priority", "desc", 1e300)],
    ["priority: beyond smallint", "sort=priority", task("priority", "desc", 40000)],
    ["priority: negative", "sort=priority", task("priority", "desc", -1)],
    ["priority: a fraction", "sort=priority", task("priority", "desc", 1.5)],
    ["priority: a string", "sort=priority", task("priority", "desc", "1")],
    ["title: a number", "sort=title", task("title", "asc", 7)],
    ["title: a NUL byte", "sort=title", task("title", "asc", "a\u0000b")],
    ["id beyond int32", "sort=created_at", task("created_at", "desc", "2026-12-01T00:00:00.000Z", 2 ** 31)],
    ["id 1e300", "sort=created_at", task("created_at", "desc", "2026-12-01T00:00:00.000Z", 1e300)],
    ["id negative", "sort=created_at", task("created_at", "desc", "2026-12-01T00:00:00.000Z", -5)],
    ["id a string", "sort=created_at", task("created_at", "desc", "2026-12-01T00:00:00.000Z", "1")],
    ["extra keys", "sort=created_at", b64({ s: "created_at", o: "desc", v: "2026-12-01T00:00:00.000Z", id: 1, x: 1 })],
    ["an array", "sort=created_at", b64([1, 2])],
    ["JSON null", "sort=created_at", b64("null")],
    ["a JSON string", "sort=created_at", b64('"x"')],
    ["not JSON", "sort=created_at", b64("{")],
    ["another order", "sort=created_at&order=asc", task("created_at", "desc", "2026-12-01T00:00:00.000Z")],
  ];
  it.each(cases)("%s", async (_name, query, cursor) => {
    await expectInvalid(await t.api(u, "GET", `/api/me/tasks?${query}&cursor=${cursor}`));
  });

  it("accepts the cursors it issues, for every sort and order", async () => {
    for (const sort of ["created_at", "updated_at", "priority", "title", "due_at"]) {
      for (const order of ["asc", "desc"]) {
        const first = (await (await t.api(u, "GET", `/api/me/tasks?sort=${sort}&order=${order}&limit=1`)).json()) as { next_cursor: string };
        const res = await t.api(u, "GET", `/api/me/tasks?sort=${sort}&order=${order}&limit=1&cursor=${first.next_cursor}`);
        expect(res.status, `${sort} ${order}`).toBe(200);
      }
    }
  });
});

describe("conversation list cursors", () => {
  const uuid = "00000000-0000-4000-8000-000000000000";
  const cases: [string, string][] = [
    ["a year beyond PostgreSQL's range", b64(`+275760-09-13T00:00:00.000Z|${uuid}`)],
    ['a date Date.parse takes but PostgreSQL does not ("1")', b64(`1|${uuid}`)],
    ["a free-form date", b64(`Tue, 01 Dec 2026 10:00:00 GMT|${uuid}`)],
    ["not a uuid", b64("2026-12-01T00:00:00.000Z|nope")],
    ["a third part", b64(`2026-12-01T00:00:00.000Z|${uuid}|x`)],
    ["garbage", "garbage"],
  ];
  it.each(cases)("%s", async (_name, cursor) => {
    await expectInvalid(await t.api(u, "GET", `/api/me/conversations?cursor=${cursor}`));
  });

  it("accepts the cursor it issues", async () => {
    const first = (await (await t.api(u, "GET", "/api/me/conversations?limit=1")).json()) as { next_cursor: string };
    expect((await t.api(u, "GET", `/api/me/conversations?limit=1&cursor=${first.next_cursor}`)).status).toBe(200);
  });
});

describe("ChatKit page cursors", () => {
  const chatkit = (body: unknown) => t.request("/api/chatkit", { method: "POST", headers: u.headers, body: JSON.stringify(body) });
  const thread = async () => {
    const res = await t.api(u, "GET", "/api/me/conversations?limit=1");
    return ((await res.json()) as { conversations: { id: string }[] }).conversations[0]!.id;
  };
  it.each([
    ["an item id beyond bigint", "msg_999999999999999"],
    ["an item id of a message id that does not exist", "msg_123456789012"],
  ])("items.list after %s pages like any other id, without an error", async (_name, after) => {
    const res = await chatkit({ type: "items.list", params: { thread_id: await thread(), after } });
    expect(res.status, await res.clone().text()).toBe(200);
  });
  it.each([["not an item id", "msg_x"], ["zero", "msg_0"], ["a thread id", "00000000-0000-4000-8000-000000000000"]])(
    "items.list after %s is invalid_cursor",
    async (_name, after) => {
      await expectInvalid(await chatkit({ type: "items.list", params: { thread_id: await thread(), after } }));
    },
  );
  it.each([["not a uuid", "bogus"], ["an unknown uuid", "00000000-0000-4000-8000-000000000000"], ["an item id", "msg_1"]])(
    "threads.list after %s is invalid_cursor",
    async (_name, after) => {
      await expectInvalid(await chatkit({ type: "threads.list", params: { after } }));
    },
  );
});
