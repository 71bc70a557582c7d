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

describe("isolation of lists, sections and subtasks", () => {
  type Ref = { id: number };
  let aList: Ref;
  let aSection: Ref;
  let aParent: Task;
  let bTask: Task;
  beforeAll(async () => {
    aList = (await (await t.api(a, "POST", "/api/me/lists", { name: "A secret list" })).json()) as Ref;
    aSection = (await (await t.api(a, "POST", `/api/me/lists/${aList.id}/sections`, { name: "A secret section" })).json()) as Ref;
    aParent = (await (await t.api(a, "POST", "/api/me/tasks", { title: "A parent", section_id: aSection.id })).json()) as Task;
    // B's own list numbers start at 1 (Inbox) and 2, so A's numbers may also exist for B: use ones B lacks.
    bTask = (await (await t.api(b, "POST", "/api/me/tasks", { title: "B task" })).json()) as Task;
  });
  const aState = async () => [
    await (await t.api(a, "GET", "/api/me/lists")).json(),
    await (await t.api(a, "GET", `/api/me/lists/${aList.id}/sections`)).json(),
    await snapshot(),
  ];

  it("B gets 404 for A's list, section and parent ids on every route and in every field, and nothing of A's changes", async () => {
    const before = await aState();
    const bInbox = ((await (await t.api(b, "GET", "/api/me/lists")).json()) as { lists: (Ref & { is_inbox: boolean })[] }).lists.find((l) => l.is_inbox)!;
    // A's list is A's number 2 (after the Inbox); B has no list 2, section or task of A's numbers unless made: check they do not exist for B.
    expect(aList.id).not.toBe(bInbox.id);
    const routes: [string, string, unknown][] = [
      ["GET", `/api/me/lists/${aList.id}`, undefined],
      ["PATCH", `/api/me/lists/${aList.id}`, { name: "pwned" }],
      ["DELETE", `/api/me/lists/${aList.id}?tasks=delete`, undefined],
      ["GET", `/api/me/lists/${aList.id}/sections`, undefined],
      ["POST", `/api/me/lists/${aList.id}/sections`, { name: "pwned" }],
      ["GET", `/api/me/sections/${aSection.id}`, undefined],
      ["PATCH", `/api/me/sections/${aSection.id}`, { name: "pwned" }],
      ["DELETE", `/api/me/sections/${aSection.id}`, undefined],
      ["GET", `/api/me/tasks?list_id=${aList.id}`, undefined],
      ["GET", `/api/me/tasks?section_id=${aSection.id}`, undefined],
      ["GET", `/api/me/tasks?parent_id=${aParent.id}`, undefined],
      ["POST", "/api/me/tasks", { title: "x", list_id: aList.id }],
      ["POST", "/api/me/tasks", { title: "x", section_id: aSection.id }],
      ["POST", "/api/me/tasks", { title: "x", parent_id: aParent.id }],
      ["POST", "/api/me/tasks/move", { ids: [bTask.id], list_id: aList.id }],
      ["POST", "/api/me/tasks/move", { ids: [bTask.id], section_id: aSection.id }],
      ["POST", "/api/me/tasks/move", { ids: [bTask.id], parent_id: aParent.id }],
      ["POST", "/api/me/tasks/move", { ids: [aParent.id], list_id: bInbox.id }],
      ["POST", "/api/me/tasks/move", { ids: [bTask.id], before_id: aParent.id }],
      ["POST", "/api/me/tasks/bulk", { ids: [aParent.id], set: { completed: true } }],
      ["POST", "/api/me/tasks/bulk", { ids: [bTask.id], set: { list_id: aList.id } }],
      ["POST", "/api/me/tasks/bulk", { ids: [aParent.id], delete: true }],
    ];
    for (const [method, path, body] of routes) {
      const res = await t.api(b, method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(404);
    }
    expect(await aState()).toEqual(before);
    // B's task did not move anywhere.
    expect(((await (await t.api(b, "GET", `/api/me/tasks/${bTask.id}`)).json()) as Task).list_id).toBe(bInbox.id);
  });

  it("B's lists, counts and search never show A's lists or list names", async () => {
    const lists = ((await (await t.api(b, "GET", "/api/me/lists")).json()) as { lists: { name: string }[] }).lists;
    expect(lists.map((l) => l.name)).toEqual(["Inbox"]);
    const counts = (await (await t.api(b, "GET", "/api/me/tasks/counts")).json()) as { lists: unknown[] };
    expect(counts.lists).toHaveLength(1);
    // A's list name is searchable for A, never for B.
    const mine = (await (await t.api(a, "GET", "/api/me/tasks?q=secret%20section%20parent")).json()) as { tasks: Task[] };
    const theirs = (await (await t.api(b, "GET", "/api/me/tasks?q=secret%20list")).json()) as { tasks: Task[] };
    expect(theirs.tasks).toEqual([]);
    expect(mine.tasks).toEqual([]);
    const byListName = (await (await t.api(a, "GET", "/api/me/tasks?q=secret%20list")).json()) as { tasks: Task[] };
    expect(byListName.tasks.map((x) => x.title)).toEqual(["A parent"]);
  });
});
