/**
 * Pages and GET build a task's JSON in SQL (src/domain/tasks/task-json.ts);
 * writes answer with `toTask` in JS. The two must agree on every field of every
 * kind of task, down to the milliseconds and the order of reminders.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Task, TaskPage } from "../../src/contracts/task.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let u: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  u = await t.signUp("Json");
});
afterAll(() => t.close());

async function ok<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}
const create = (body: Record<string, unknown>) => t.api(u, "POST", "/api/me/tasks", body).then((r) => ok<Task>(r, 201));
const page = (query = "") => t.api(u, "GET", `/api/me/tasks?limit=100${query}`).then((r) => ok<TaskPage>(r));

describe("a task's JSON built by the database", () => {
  it("equals the write path's for every field, on the list and on GET", async () => {
    const written: Task[] = [];
    written.push(await create({ title: "Plain" }));
    written.push(
      await create({
        title: `Quotes " and \\ and émoji 🎉, a tab\tand a newline\n`,
        description: "Line one\nline two — ünïcödé \u0001 \u2028",
        priority: "high",
        tags: ["work", "ünïcode_tag", "日本-2"],
        due_at: "2031-02-03T04:05:06.789Z",
        reminders: [{ before_minutes: 45 }, { at: "2031-02-01T10:00:00.001Z" }, { before_minutes: 0 }],
      }),
    );
    written.push(
      await create({ title: "Low, dated in a far year", priority: "low", due_at: "9999-12-31T23:59:59.999Z" }),
    );
    written.push(await create({ title: "Medium, early", priority: "medium", due_at: "1900-01-01T00:00:00.000Z" }));
    written.push(
      await create({
        title: "Every week",
        due_at: "2031-01-06T09:00:00.000Z",
        recurrence: { text: "every monday at 9am" },
      }),
    );
    written.push(
      await create({
        title: "After completion",
        due_at: "2031-01-06T09:00:00.000Z",
        recurrence: { text: "every 3 days", from: "completion" },
      }),
    );
    // A recurring task completed once: its counters and last completion come from the write path.
    const { completed_subtask_ids: _undo, ...done } = await ok<Task & { completed_subtask_ids: number[] }>(
      await t.api(u, "PATCH", `/api/me/tasks/${written[4]!.id}/complete`),
    );
    written[4] = done;
    const closed = await ok<Task>(await t.api(u, "PATCH", `/api/me/tasks/${written[0]!.id}`, { completed: true }));
    written[0] = closed;

    const listed = new Map((await page()).tasks.map((task) => [task.id, task]));
    for (const task of written) {
      expect(listed.get(task.id)).toEqual(task);
      expect(await ok<Task>(await t.api(u, "GET", `/api/me/tasks/${task.id}`))).toEqual(task);
    }
  });

  it("counts subtasks and keeps the page's order and cursor", async () => {
    const parent = await create({ title: "Parent" });
    await create({ title: "Child one", parent_id: parent.id });
    const two = await create({ title: "Child two", parent_id: parent.id });
    await t.api(u, "PATCH", `/api/me/tasks/${two.id}/complete`);
    const got = await ok<Task>(await t.api(u, "GET", `/api/me/tasks/${parent.id}`));
    expect(got.subtask_counts).toEqual({ total: 2, completed: 1 });
    // Writes answer with the counts too (the web app puts the answer in its list), after any cascade.
    const renamed = await ok<Task>(await t.api(u, "PATCH", `/api/me/tasks/${parent.id}`, { title: "Parent, renamed" }));
    expect(renamed.subtask_counts).toEqual({ total: 2, completed: 1 });
    const done = await ok<Task>(await t.api(u, "PATCH", `/api/me/tasks/${parent.id}/complete`));
    expect(done.subtask_counts).toEqual({ total: 2, completed: 2 });
    await ok<Task>(await t.api(u, "PATCH", `/api/me/tasks/${parent.id}/complete`, { completed: false }));
    const first = await t.api(u, "GET", "/api/me/tasks?limit=2&sort=title");
    expect(first.headers.get("content-type")).toMatch(/^application\/json/);
    const one = (await first.json()) as TaskPage;
    const rest = await page(`&sort=title&cursor=${one.next_cursor}`);
    const all = await page("&sort=title");
    expect([...one.tasks, ...rest.tasks].map((x) => x.id)).toEqual(all.tasks.map((x) => x.id));
  });
});
