/**
 * Reminders over REST: a task's set of up to five, their bounds, fire times that
 * follow the due date, snooze, delivery channels' routes, isolation, and the
 * SSE `reminder` event when one comes due (late or missed past its time).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reminder } from "../../src/contracts/reminder.ts";
import type { Task, TaskPage } from "../../src/contracts/task.ts";
import { readAppEvents } from "../support/sse-app.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let u: TestUser;
let other: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  [u, other] = await Promise.all([t.signUp("Reminded"), t.signUp("Other")]);
});
afterAll(() => t.close());

const DUE = "2030-05-01T12:00:00.000Z";
const create = async (body: Record<string, unknown>, user = u) => {
  const res = await t.api(user, "POST", "/api/me/tasks", body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Task;
};
const patch = (id: number, body: unknown, user = u) => t.api(user, "PATCH", `/api/me/tasks/${id}`, body);
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe("a task's reminders", () => {
  it("creates a task with absolute and relative reminders and answers with their fire times", async () => {
    const task = await create({
      title: "Dentist",
      due_at: DUE,
      reminders: [{ before_minutes: 30 }, { at: "2030-04-30T18:00:00+02:00" }],
    });
    expect(task.reminders).toHaveLength(2);
    const [first, second] = task.reminders as [Reminder, Reminder];
    expect(first).toMatchObject({
      at: "2030-04-30T16:00:00.000Z",
      fire_at: "2030-04-30T16:00:00.000Z",
      state: "pending",
    });
    expect(second).toMatchObject({ before_minutes: 30, fire_at: "2030-05-01T11:30:00.000Z", state: "pending" });
    const got = (await (await t.api(u, "GET", `/api/me/tasks/${task.id}`)).json()) as Task;
    expect(got.reminders).toEqual(task.reminders);
    const page = (await (await t.api(u, "GET", "/api/me/tasks?q=dentist")).json()) as TaskPage;
    expect(page.tasks[0]!.reminders).toEqual(task.reminders);
  });

  it("moves relative reminders with the due date and keeps absolute ones", async () => {
    const task = await create({
      title: "Call bank",
      due_at: DUE,
      reminders: [{ before_minutes: 60 }, { at: "2030-04-01T08:00:00Z" }],
    });
    const res = await patch(task.id, { due_at: "2030-06-01T09:00:00Z" });
    const moved = (await res.json()) as Task;
    expect(moved.reminders!.map((r) => r.fire_at)).toEqual(["2030-04-01T08:00:00.000Z", "2030-06-01T08:00:00.000Z"]);
    // Without a due date a relative reminder waits for one.
    const cleared = (await (await patch(task.id, { due_at: null })).json()) as Task;
    expect(cleared.reminders!.find((r) => r.before_minutes === 60)!.fire_at).toBeNull();
  });

  it("replaces the set on PATCH, keeping a reminder by its id, and [] or null removes them", async () => {
    const task = await create({
      title: "Water plants",
      due_at: DUE,
      reminders: [{ before_minutes: 10 }, { before_minutes: 20 }],
    });
    const keep = task.reminders!.find((r) => r.before_minutes === 10)!;
    const res = await patch(task.id, {
      reminders: [{ id: keep.id, before_minutes: 10 }, { at: "2030-04-30T10:00:00Z" }],
    });
    const next = (await res.json()) as Task;
    expect(next.reminders!.map((r) => r.id)).toContain(keep.id);
    expect(next.reminders!.some((r) => r.before_minutes === 20)).toBe(false);
    expect(((await (await patch(task.id, { reminders: [] })).json()) as Task).reminders).toEqual([]);
    await patch(task.id, { reminders: [{ before_minutes: 5 }] });
    expect(((await (await patch(task.id, { reminders: null })).json()) as Task).reminders).toEqual([]);
  });

  it("refuses more than five, bad values and a relative reminder without a due date, writing nothing", async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ before_minutes: i }));
    const bad: unknown[] = [
      six,
      [{ before_minutes: -1 }],
      [{ before_minutes: 1.5 }],
      [{ before_minutes: 366 * 1440 + 1 }],
      [{ at: "tomorrow" }],
      [{ at: "2030-01-01T00:00:00" }],
      [{ at: "2030-01-01T00:00:00Z", before_minutes: 5 }],
      [{}],
      [{ id: "not-a-uuid", before_minutes: 5 }],
      "soon",
    ];
    for (const reminders of bad) {
      const res = await t.api(u, "POST", "/api/me/tasks", { title: "Bad", due_at: DUE, reminders });
      expect(res.status, JSON.stringify(reminders)).toBe(422);
    }
    const res = await t.api(u, "POST", "/api/me/tasks", { title: "No due date", reminders: [{ before_minutes: 5 }] });
    expect(res.status).toBe(422);
    expect((await errorOf(res)).code).toBe("reminder_needs_due_date");
    const page = (await (await t.api(u, "GET", "/api/me/tasks?q=due%20date")).json()) as TaskPage;
    expect(page.tasks).toHaveLength(0);
    const task = await create({ title: "Five max", due_at: DUE });
    expect((await patch(task.id, { reminders: six })).status).toBe(422);
  });

  it("snoozes for minutes or until an instant, and refuses the past and bad bodies", async () => {
    const task = await create({ title: "Snoozable", due_at: DUE, reminders: [{ before_minutes: 0 }] });
    const id = task.reminders![0]!.id;
    const before = Date.now();
    const res = await t.api(u, "POST", `/api/me/reminders/${id}/snooze`, { minutes: 10 });
    expect(res.status).toBe(200);
    const snoozed = (await res.json()) as Reminder;
    expect(new Date(snoozed.fire_at!).getTime()).toBeGreaterThanOrEqual(before + 10 * 60_000);
    expect(snoozed.state).toBe("pending");
    const until = (await (
      await t.api(u, "POST", `/api/me/reminders/${id}/snooze`, { until: "2031-01-01T09:00:00Z" })
    ).json()) as Reminder;
    expect(until.fire_at).toBe("2031-01-01T09:00:00.000Z");
    for (const body of [
      { minutes: 0 },
      { minutes: "10" },
      { until: "2001-01-01T00:00:00Z" },
      {},
      { minutes: 10, until: "2031-01-01T00:00:00Z" },
    ]) {
      expect((await t.api(u, "POST", `/api/me/reminders/${id}/snooze`, body)).status, JSON.stringify(body)).toBe(422);
    }
  });
});

describe("isolation", () => {
  it("another user's reminder and task are 404; their user path is 403 (as on every route)", async () => {
    const task = await create({ title: "Private", due_at: DUE, reminders: [{ before_minutes: 15 }] });
    const id = task.reminders![0]!.id;
    expect((await t.api(other, "POST", `/api/me/reminders/${id}/snooze`, { minutes: 10 })).status).toBe(404);
    expect((await t.api(other, "PATCH", `/api/me/tasks/${task.id}`, { reminders: [] })).status).toBe(404);
    expect((await t.api(other, "POST", `/api/${u.id}/reminders/${id}/snooze`, { minutes: 10 })).status).toBe(403);
    expect((await t.api(other, "GET", `/api/${u.id}/reminder-settings`)).status).toBe(403);
    expect((await t.api(other, "POST", `/api/${u.id}/push-subscriptions`, {})).status).toBe(403);
    // A reminder id of another user's task cannot be adopted into one's own task.
    const mine = await create({ title: "Mine", due_at: DUE, reminders: [{ id, before_minutes: 15 }] }, other);
    expect(mine.reminders![0]!.id).not.toBe(id);
    const still = (await (await t.api(u, "GET", `/api/me/tasks/${task.id}`)).json()) as Task;
    expect(still.reminders![0]!.id).toBe(id);
  });
});

describe("delivery routes", () => {
  const sub = (n: number) => ({
    endpoint: `https://push.example.com/send/${n}`,
    keys: { p256dh: `B${"A".repeat(86)}`, auth: "AAAAAAAAAAAAAAAAAAAAAA" },
  });

  it("publishes the VAPID public key and keeps it across requests", async () => {
    const a = (await (await t.request("/api/config")).json()) as { vapidPublicKey: string };
    expect(a.vapidPublicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    const b = (await (await t.request("/api/config")).json()) as { vapidPublicKey: string };
    expect(b.vapidPublicKey).toBe(a.vapidPublicKey);
  });

  it("saves and deletes push subscriptions, validates them, and 404s another user's", async () => {
    expect((await t.api(u, "POST", "/api/me/push-subscriptions", sub(1))).status).toBe(204);
    expect((await t.api(u, "POST", "/api/me/push-subscriptions", sub(1))).status).toBe(204);
    for (const body of [
      { ...sub(2), endpoint: "http://push.example.com/x" },
      { endpoint: "https://x.example" },
      { ...sub(2), keys: { p256dh: "x", auth: "y" } },
    ]) {
      expect((await t.api(u, "POST", "/api/me/push-subscriptions", body)).status).toBe(422);
    }
    expect((await t.api(other, "DELETE", "/api/me/push-subscriptions", { endpoint: sub(1).endpoint })).status).toBe(
      404,
    );
    expect((await t.api(u, "DELETE", "/api/me/push-subscriptions", { endpoint: sub(1).endpoint })).status).toBe(204);
    expect((await t.api(u, "DELETE", "/api/me/push-subscriptions", { endpoint: sub(1).endpoint })).status).toBe(404);
  });

  it("stores the email opt-in", async () => {
    expect(await (await t.api(u, "GET", "/api/me/reminder-settings")).json()).toEqual({
      email: false,
      email_available: false,
    });
    const res = await t.api(u, "PUT", "/api/me/reminder-settings", { email: true });
    expect(await res.json()).toEqual({ email: true, email_available: false });
    expect((await t.api(u, "PUT", "/api/me/reminder-settings", { email: "yes" })).status).toBe(422);
  });
});

describe("firing", () => {
  it("sends a due reminder once as an SSE `reminder` event; one past its time fires late, one past the grace is missed", async () => {
    const stream = readAppEvents(await t.api(u, "GET", "/api/me/events"));
    const { events } = stream;
    await stream.ready;

    const soon = await create({ title: "Now-ish", reminders: [{ at: new Date(Date.now() + 500).toISOString() }] });
    const late = await create({ title: "Late one", due_at: DUE, reminders: [{ before_minutes: 0 }] });
    const missed = await create({ title: "Missed one", due_at: DUE, reminders: [{ before_minutes: 0 }] });
    // As if every server had been down: their times passed 30 min and 2 h ago.
    const db = t.tickler.database.db;
    await db.execute(
      sql`update reminders set fire_at = now() - interval '30 minutes' where task_id = ${late.id} and user_id = ${u.id}`,
    );
    await db.execute(
      sql`update reminders set fire_at = now() - interval '2 hours' where task_id = ${missed.id} and user_id = ${u.id}`,
    );
    await t.api(u, "POST", "/api/me/tasks", { title: "wake the poller" });

    const reminderEvents = () =>
      events.filter((e) => e.name === "reminder").map((e) => JSON.parse(e.data) as { task_id: number; late: boolean });
    await expect
      .poll(
        () =>
          reminderEvents()
            .map((e) => e.task_id)
            .sort(),
        { timeout: 20_000 },
      )
      .toEqual([soon.id, late.id].sort());
    expect(reminderEvents().find((e) => e.task_id === late.id)!.late).toBe(true);
    expect(reminderEvents().find((e) => e.task_id === soon.id)!.late).toBe(false);
    const state = async (id: number) =>
      ((await (await t.api(u, "GET", `/api/me/tasks/${id}`)).json()) as Task).reminders![0]!.state;
    expect(await state(soon.id)).toBe("sent");
    expect(await state(late.id)).toBe("late");
    expect(await state(missed.id)).toBe("missed");
    await stream.close();
  });
});
