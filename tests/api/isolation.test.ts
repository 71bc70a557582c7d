/**
 * One user can never read, change or detect another user's tasks through the
 * REST API: every route answers 404 for the other's task numbers (the same as
 * for numbers that exist nowhere) and 403 on the other's user path.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Task } from "../../src/contracts/task.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let a: TestUser;
let b: TestUser;
let aTasks: Task[];

beforeAll(async () => {
  t = await createTestApp();
  a = await t.signUp("Alice");
  b = await t.signUp("Bob");
  aTasks = [];
  for (const title of ["secret one", "secret two", "secret three"]) {
    aTasks.push((await (await t.api(a, "POST", "/api/me/tasks", { title, tags: ["private"] })).json()) as Task);
  }
});
afterAll(() => t.close());

const snapshot = async () => (await (await t.api(a, "GET", "/api/me/tasks?limit=100")).json()) as unknown;

describe("isolation between users", () => {
  it("B gets 404 for each of A's task numbers on every route, and A's tasks are untouched", async () => {
    const before = await snapshot();
    for (const task of aTasks) {
      const routes: [string, string, unknown][] = [
        ["GET", `/api/me/tasks/${task.id}`, undefined],
        ["PUT", `/api/me/tasks/${task.id}`, { title: "pwned" }],
        ["PATCH", `/api/me/tasks/${task.id}`, { title: "pwned" }],
        ["PATCH", `/api/me/tasks/${task.id}/complete`, { completed: true }],
        ["DELETE", `/api/me/tasks/${task.id}`, undefined],
      ];
      for (const [method, path, body] of routes) {
        const res = await t.api(b, method, path, body);
        expect(res.status, `${method} ${path}`).toBe(404);
        // Same answer as for a number that exists nowhere: nothing to detect.
        const nowhere = await t.api(b, method, path.replace(`/${task.id}`, "/424242"), body);
        expect(await res.json()).toMatchObject({ error: { code: "not_found", message: ((await nowhere.json()) as { error: { message: string } }).error.message } });
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("B's list, search and counts never include A's tasks", async () => {
    const page = (await (await t.api(b, "GET", "/api/me/tasks?q=secret&tag=private")).json()) as { tasks: Task[] };
    expect(page.tasks).toEqual([]);
    const counts = await (await t.api(b, "GET", "/api/me/tasks/counts")).json();
    expect(counts).toMatchObject({ all: 0 });
  });

  it("B gets 403 on A's user path for every route", async () => {
    const id = aTasks[0]!.id;
    const routes: [string, string, unknown][] = [
      ["GET", `/api/${a.id}/tasks`, undefined],
      ["POST", `/api/${a.id}/tasks`, { title: "planted" }],
      ["GET", `/api/${a.id}/tasks/counts`, undefined],
      ["GET", `/api/${a.id}/tasks/${id}`, undefined],
      ["PUT", `/api/${a.id}/tasks/${id}`, { title: "pwned" }],
      ["PATCH", `/api/${a.id}/tasks/${id}`, { title: "pwned" }],
      ["PATCH", `/api/${a.id}/tasks/${id}/complete`, {}],
      ["DELETE", `/api/${a.id}/tasks/${id}`, undefined],
    ];
    for (const [method, path, body] of routes) {
      const res = await t.api(b, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect(((await snapshot()) as { tasks: Task[] }).tasks.map((x) => x.title).sort()).toEqual(["secret one", "secret three", "secret two"]);
  });

  it("A's own path works with the real id and with me", async () => {
    expect((await t.api(a, "GET", `/api/${a.id}/tasks/${aTasks[0]!.id}`)).status).toBe(200);
    expect((await t.api(a, "GET", `/api/me/tasks/${aTasks[0]!.id}`)).status).toBe(200);
  });
});
