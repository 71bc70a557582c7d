/**
 * Recurring tasks and the user's time zone through the REST API (both
 * databases): create/validate, complete/undo, skip, end of rule, subtasks,
 * projected occurrences, settings and isolation. Due dates sit in 2030 so
 * "the next occurrence after now" is the next after the due date.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OccurrencePage } from "../../src/contracts/occurrences.ts";
import type { UserSettings } from "../../src/contracts/settings.ts";
import type { Task, TaskPage } from "../../src/contracts/task.ts";
import { wallAt } from "../../src/domain/time.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let u: TestUser;
let other: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  [u, other] = [await t.signUp("Repeater"), await t.signUp("Other")];
});
afterAll(() => t.close());

const ok = async <T>(res: Response | Promise<Response>, status = 200): Promise<T> => {
  const r = await res;
  expect(r.status, await r.clone().text()).toBe(status);
  return (await r.json()) as T;
};
const errorOf = async (res: Response | Promise<Response>, status: number) => {
  const r = await res;
  expect(r.status, await r.clone().text()).toBe(status);
  return ((await r.json()) as { error: { code: string; message: string } }).error;
};
const call = (user: TestUser, method: string, path: string, body?: unknown) => t.api(user, method, path, body);
const mk = (body: Record<string, unknown>, user = u, query = "") =>
  ok<Task>(call(user, "POST", `/api/me/tasks${query}`, body), 201);
const complete = (id: number, completed?: boolean, user = u) =>
  ok<Task>(call(user, "PATCH", `/api/me/tasks/${id}/complete`, completed === undefined ? undefined : { completed }));
const get = (id: number) => ok<Task>(call(u, "GET", `/api/me/tasks/${id}`));

describe("writing a recurrence", () => {
  it("reads text with the shared grammar in the request's zone", async () => {
    const task = await mk(
      { title: "Team sync", due_at: "2030-01-07T08:00:00Z", recurrence: { text: "every monday at 9am" } },
      u,
      "?tz=Europe/Berlin",
    );
    expect(task.recurrence).toEqual({
      rule: "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0",
      text: "every Monday at 9am",
      from: "due",
    });
    expect(task).toMatchObject({
      due_at: "2030-01-07T08:00:00.000Z",
      completed_occurrences: 0,
      last_completed_at: null,
    });
  });

  it("without a due date, is due at the first occurrence after now (in the user's zone)", async () => {
    const task = await mk({ title: "Standup", recurrence: { text: "every monday at 9am" } }, u, "?tz=America/New_York");
    const due = new Date(task.due_at!);
    expect(due.getTime()).toBeGreaterThan(Date.now());
    expect(due.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    const wall = wallAt(due, "America/New_York");
    expect([wall.hour, wall.minute, new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay()]).toEqual([
      9, 0, 1,
    ]);
  });

  it("'starting <date>' gives the first due date", async () => {
    const task = await mk(
      { title: "Gym", recurrence: { text: "every day at 7am starting jan 10, 2030" } },
      u,
      "?tz=UTC",
    );
    expect(task.due_at).toBe("2030-01-10T07:00:00.000Z");
  });

  it("says so when the text is not understood, and creates nothing", async () => {
    const before = await ok<TaskPage>(call(u, "GET", "/api/me/tasks?limit=100"));
    const e = await errorOf(
      call(u, "POST", "/api/me/tasks", { title: "x", recurrence: { text: "every blue moon" } }),
      422,
    );
    expect(e).toMatchObject({ code: "invalid_recurrence" });
    expect(e.message).toContain("every blue moon");
    const after = await ok<TaskPage>(call(u, "GET", "/api/me/tasks?limit=100"));
    expect(after.tasks.length).toBe(before.tasks.length);
  });

  it("validates a raw RRULE with rrule-temporal and gives it words", async () => {
    const task = await mk({
      title: "Backup",
      due_at: "2030-01-01T10:00:00Z",
      recurrence: { rule: "RRULE:FREQ=DAILY;INTERVAL=2" },
    });
    expect(task.recurrence).toMatchObject({ rule: "FREQ=DAILY;INTERVAL=2", from: "due" });
    expect(task.recurrence!.text).toMatch(/2 days/);
    for (const rule of ["FREQ=DAILY;FOO=1", "FREQ=MINUTELY", "BYDAY=MO", "FREQ=WEEKLY;BYDAY=XX"]) {
      expect(
        await errorOf(call(u, "POST", "/api/me/tasks", { title: "bad", recurrence: { rule } }), 422),
      ).toMatchObject({ code: expect.stringMatching(/invalid_recurrence|validation_failed/) });
    }
  });

  it("a recurring task keeps a due date; recurrence null stops it", async () => {
    const task = await mk({ title: "Water", due_at: "2030-01-01T10:00:00Z", recurrence: { text: "every day" } });
    expect(await errorOf(call(u, "PATCH", `/api/me/tasks/${task.id}`, { due_at: null }), 422)).toMatchObject({
      code: "recurrence_needs_due",
    });
    const stopped = await ok<Task>(call(u, "PATCH", `/api/me/tasks/${task.id}`, { recurrence: null }));
    expect(stopped.recurrence).toBeNull();
    expect((await complete(task.id)).completed).toBe(true);
  });

  it("PATCH adds a recurrence to an undated task: due at its first occurrence", async () => {
    const task = await mk({ title: "Plants" });
    const patched = await ok<Task>(
      call(u, "PATCH", `/api/me/tasks/${task.id}?tz=UTC`, { recurrence: { text: "every! 3 days" } }),
    );
    expect(patched.recurrence).toEqual({
      rule: "FREQ=DAILY;INTERVAL=3",
      text: "every 3 days after completion",
      from: "completion",
    });
    expect(new Date(patched.due_at!).getTime()).toBeGreaterThan(Date.now());
  });
});

describe("completing a recurring task", () => {
  it("moves due_at to the next occurrence, keeping 7:00 local across the DST switch, and undo restores it exactly", async () => {
    // Berlin springs forward on 2030-03-31: 7:00 CET (06:00Z) → 7:00 CEST (05:00Z).
    const task = await mk(
      { title: "Vitamins", due_at: "2030-03-30T06:00:00Z", recurrence: { text: "every day at 7am" } },
      u,
      "?tz=Europe/Berlin",
    );
    const done = await ok<Task>(
      call(u, "PATCH", `/api/me/tasks/${task.id}/complete?tz=Europe/Berlin`, { completed: true }),
    );
    expect(done).toMatchObject({
      completed: false,
      completed_at: null,
      due_at: "2030-03-31T05:00:00.000Z",
      completed_occurrences: 1,
    });
    expect(done.last_completed_at).not.toBeNull();
    const again = await ok<Task>(
      call(u, "PATCH", `/api/me/tasks/${task.id}/complete?tz=Europe/Berlin`, { completed: true }),
    );
    expect(again).toMatchObject({ due_at: "2030-04-01T05:00:00.000Z", completed_occurrences: 2 });
    const undone = await complete(task.id, false);
    expect(undone).toMatchObject({
      due_at: "2030-03-31T05:00:00.000Z",
      completed_occurrences: 1,
      last_completed_at: done.last_completed_at,
      completed: false,
    });
    const undone2 = await complete(task.id, false);
    expect(undone2).toMatchObject({
      due_at: "2030-03-30T06:00:00.000Z",
      completed_occurrences: 0,
      last_completed_at: null,
      completed: false,
    });
    // Nothing left to undo: it stays as it is.
    expect(await complete(task.id, false)).toMatchObject({
      due_at: "2030-03-30T06:00:00.000Z",
      completed_occurrences: 0,
    });
  });

  it("uses the user's stored zone when the request names none (America/New_York, autumn switch)", async () => {
    const zoned = await t.signUp("New Yorker");
    await ok<UserSettings>(call(zoned, "PATCH", "/api/me/settings", { time_zone: "America/New_York" }));
    // New York falls back on 2030-11-03: 9:00 EDT (13:00Z) → 9:00 EST (14:00Z).
    const task = await mk(
      { title: "Report", due_at: "2030-11-02T13:00:00Z", recurrence: { text: "every day at 9am" } },
      zoned,
    );
    expect(task.recurrence!.rule).toBe("FREQ=DAILY;BYHOUR=9;BYMINUTE=0");
    expect(await complete(task.id, true, zoned)).toMatchObject({
      due_at: "2030-11-03T14:00:00.000Z",
      completed_occurrences: 1,
    });
  });

  it("keeps the half-hour offset of Asia/Kolkata", async () => {
    const task = await mk(
      { title: "Call home", due_at: "2030-01-05T13:30:00Z", recurrence: { text: "every week" } },
      u,
      "?tz=Asia/Kolkata",
    );
    const done = await ok<Task>(call(u, "PATCH", `/api/me/tasks/${task.id}/complete?tz=Asia/Kolkata`, {}));
    expect(done.due_at).toBe("2030-01-12T13:30:00.000Z");
  });

  it("completes it for good when the rule has ended (COUNT), and undo reopens it", async () => {
    const task = await mk(
      { title: "Physio", due_at: "2030-02-01T09:00:00Z", recurrence: { text: "every day for 2 times" } },
      u,
      "?tz=UTC",
    );
    expect(await complete(task.id)).toMatchObject({
      completed: false,
      due_at: "2030-02-02T09:00:00.000Z",
      completed_occurrences: 1,
    });
    const last = await complete(task.id);
    expect(last).toMatchObject({ completed: true, due_at: "2030-02-02T09:00:00.000Z", completed_occurrences: 2 });
    expect(await complete(task.id, false)).toMatchObject({
      completed: false,
      completed_at: null,
      due_at: "2030-02-02T09:00:00.000Z",
      completed_occurrences: 1,
    });
  });

  it("completes it for good after UNTIL", async () => {
    const task = await mk(
      { title: "Pills", due_at: "2030-05-31T08:00:00Z", recurrence: { text: "every day until may 31, 2030" } },
      u,
      "?tz=UTC",
    );
    expect(await complete(task.id)).toMatchObject({ completed: true, completed_occurrences: 1 });
  });

  it("every! counts from the completion day, at the task's time of day", async () => {
    const task = await mk(
      { title: "Haircut", due_at: "2030-01-01T09:00:00Z", recurrence: { text: "every! 3 days" } },
      u,
      "?tz=UTC",
    );
    const done = await ok<Task>(call(u, "PATCH", `/api/me/tasks/${task.id}/complete?tz=UTC`, {}));
    const day = new Date(done.last_completed_at!);
    expect(done.due_at).toBe(
      new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 3, 9)).toISOString(),
    );
  });

  it("reopens the parent's subtasks when it advances; undo completes them again", async () => {
    const parent = await mk(
      { title: "Weekly review", due_at: "2030-01-06T18:00:00Z", recurrence: { text: "every sunday" } },
      u,
      "?tz=UTC",
    );
    const child = await mk({ title: "Inbox zero", parent_id: parent.id });
    await complete(child.id, true);
    const moved = await complete(parent.id);
    expect(moved).toMatchObject({ completed: false, due_at: "2030-01-13T18:00:00.000Z" });
    expect((await get(child.id)).completed).toBe(false);
    await complete(parent.id, false);
    expect((await get(child.id)).completed).toBe(true);
  });

  it("through PATCH completed and the bulk endpoint alike", async () => {
    const a = await mk({ title: "Bins", due_at: "2030-01-07T07:00:00Z", recurrence: { text: "every monday" } });
    const patched = await ok<Task>(call(u, "PATCH", `/api/me/tasks/${a.id}`, { completed: true }));
    expect(patched).toMatchObject({ completed: false, due_at: "2030-01-14T07:00:00.000Z", completed_occurrences: 1 });
    const plain = await mk({ title: "One-off" });
    const bulk = await ok<{ tasks: Task[] }>(
      call(u, "POST", "/api/me/tasks/bulk", { ids: [a.id, plain.id], set: { completed: true } }),
    );
    expect(bulk.tasks.map((x) => [x.id, x.completed, x.due_at])).toEqual([
      [a.id, false, "2030-01-21T07:00:00.000Z"],
      [plain.id, true, null],
    ]);
    const back = await ok<{ tasks: Task[] }>(
      call(u, "POST", "/api/me/tasks/bulk", { ids: [a.id], set: { completed: false } }),
    );
    expect(back.tasks[0]).toMatchObject({ due_at: "2030-01-14T07:00:00.000Z", completed_occurrences: 1 });
  });
});

describe("skipping an occurrence", () => {
  it("moves to the next date without counting a completion", async () => {
    const task = await mk(
      { title: "Book club", due_at: "2030-01-08T18:00:00Z", recurrence: { text: "every 2nd tuesday" } },
      u,
      "?tz=UTC",
    );
    const skipped = await ok<Task>(call(u, "POST", `/api/me/tasks/${task.id}/skip?tz=UTC`));
    expect(skipped).toMatchObject({
      due_at: "2030-02-12T18:00:00.000Z",
      completed_occurrences: 0,
      completed: false,
      last_completed_at: null,
    });
  });

  it("is a 409 for a task that does not repeat, and a 404 for another user's task", async () => {
    const plain = await mk({ title: "Once" });
    expect(await errorOf(call(u, "POST", `/api/me/tasks/${plain.id}/skip`), 409)).toMatchObject({
      code: "not_recurring",
    });
    const mine = await mk({ title: "Mine", due_at: "2030-01-01T09:00:00Z", recurrence: { text: "every day" } });
    const theirs = await mk({ title: "Theirs" }, other);
    expect(theirs.id).toBeGreaterThan(0);
    await errorOf(call(other, "POST", `/api/me/tasks/${mine.id + 1000}/skip`), 404);
    await errorOf(call(other, "POST", `/api/me/tasks/${mine.id}/skip`), 404);
    expect((await get(mine.id)).due_at).toBe("2030-01-01T09:00:00.000Z");
  });
});

describe("projected occurrences", () => {
  it("lists occurrences strictly after each pending task's due date, within [from, to), scoped to the user", async () => {
    const fresh = await t.signUp("Projector");
    const daily = await mk(
      { title: "Daily", due_at: "2030-06-01T09:00:00Z", recurrence: { text: "every day" } },
      fresh,
      "?tz=UTC",
    );
    const weekly = await mk(
      { title: "Weekly", due_at: "2030-06-03T12:00:00Z", recurrence: { text: "every monday" } },
      fresh,
      "?tz=UTC",
    );
    await mk({ title: "Plain", due_at: "2030-06-02T09:00:00Z" }, fresh);
    const done = await mk(
      { title: "Done", due_at: "2030-06-01T09:00:00Z", recurrence: { text: "every day for 1 times" } },
      fresh,
    );
    await complete(done.id, true, fresh);
    await mk({ title: "Not mine", due_at: "2030-06-01T09:00:00Z", recurrence: { text: "every day" } }, other);
    const page = await ok<OccurrencePage>(
      call(fresh, "GET", "/api/me/tasks/occurrences?from=2030-06-01T00:00:00Z&to=2030-06-11T00:00:00Z&tz=UTC"),
    );
    const byTask = (id: number) => page.occurrences.filter((o) => o.task_id === id).map((o) => o.due_at.slice(0, 10));
    expect(byTask(daily.id)).toEqual(["02", "03", "04", "05", "06", "07", "08", "09", "10"].map((d) => `2030-06-${d}`));
    expect(byTask(weekly.id)).toEqual(["2030-06-10"]);
    expect(page.occurrences.every((o) => [daily.id, weekly.id].includes(o.task_id))).toBe(true);
    expect(page.occurrences[0]).toMatchObject({ title: "Daily", list_id: daily.list_id });
    const sorted = [...page.occurrences].sort((a, b) => a.due_at.localeCompare(b.due_at));
    expect(page.occurrences).toEqual(sorted);
  });

  it("refuses a window wider than 62 days or upside down", async () => {
    expect(
      await errorOf(call(u, "GET", "/api/me/tasks/occurrences?from=2030-01-01T00:00:00Z&to=2030-03-15T00:00:00Z"), 422),
    ).toMatchObject({ code: "window_too_wide" });
    await errorOf(call(u, "GET", "/api/me/tasks/occurrences?from=2030-01-10T00:00:00Z&to=2030-01-01T00:00:00Z"), 422);
    await errorOf(call(u, "GET", "/api/me/tasks/occurrences?from=yesterday&to=2030-01-01T00:00:00Z"), 422);
  });
});

describe("the user's time zone", () => {
  it("is UTC until set, is validated with Intl, and is what dates use without an explicit tz", async () => {
    const fresh = await t.signUp("Traveller");
    expect(await ok<UserSettings>(call(fresh, "GET", "/api/me/settings"))).toEqual({
      time_zone: "UTC",
      time_zone_set: false,
    });
    expect(await errorOf(call(fresh, "PATCH", "/api/me/settings", { time_zone: "Mars/Olympus" }), 422)).toMatchObject({
      code: "validation_failed",
    });
    expect(await ok<UserSettings>(call(fresh, "PATCH", "/api/me/settings", { time_zone: "europe/berlin" }))).toEqual({
      time_zone: "Europe/Berlin",
      time_zone_set: true,
    });
    expect(await ok<UserSettings>(call(fresh, "PATCH", "/api/me/settings", { time_zone: "Asia/Kolkata" }))).toEqual({
      time_zone: "Asia/Kolkata",
      time_zone_set: true,
    });
    expect(await ok<UserSettings>(call(fresh, "GET", "/api/me/settings"))).toEqual({
      time_zone: "Asia/Kolkata",
      time_zone_set: true,
    });
    // "every day" without a time: the end of today in Kolkata (23:59:59 +05:30).
    const task = await mk({ title: "Journal", recurrence: { text: "every day" } }, fresh);
    expect(wallAt(new Date(task.due_at!), "Asia/Kolkata")).toMatchObject({ hour: 23, minute: 59, second: 59 });
    // An explicit zone still wins.
    const explicit = await mk(
      { title: "Journal NY", recurrence: { text: "every day" } },
      fresh,
      "?tz=America/New_York",
    );
    expect(wallAt(new Date(explicit.due_at!), "America/New_York")).toMatchObject({ hour: 23, minute: 59, second: 59 });
    expect(await errorOf(call(fresh, "GET", "/api/me/tasks/counts?tz=Nowhere/Else"), 422)).toMatchObject({
      code: "invalid_time_zone",
    });
    await ok(call(fresh, "GET", "/api/me/tasks/counts"));
  });

  it("cannot be read or written for another user", async () => {
    expect((await call(u, "GET", `/api/${other.id}/settings`)).status).toBe(403);
    expect((await call(u, "PATCH", `/api/${other.id}/settings`, { time_zone: "UTC" })).status).toBe(403);
  });
});
