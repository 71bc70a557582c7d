/**
 * Web Push and email delivery of a fired reminder, end to end: the fake push
 * service verifies the VAPID JWT and decrypts the payload with the browser's
 * own keys, as a real push service and browser would; a 410 removes the
 * subscription; an opted-in user gets an email through the injected mailer.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mail, Mailer } from "../../src/issuer/mailer.ts";
import { startFakePush, type FakePushService } from "../support/fake-push.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let u: TestUser;
let push: FakePushService;
const mails: Mail[] = [];
const smtp: Mailer = { kind: "smtp", send: async (m) => void mails.push(m), close: () => {} };

beforeAll(async () => {
  push = await startFakePush();
  t = await createTestApp({}, { pushAgent: push.agent, mailer: smtp });
  u = await t.signUp("Pushed");
});
afterAll(async () => {
  await t.close();
  await push.close();
});

const soon = () => new Date(Date.now() + 300).toISOString();
const subscriptionCount = async () =>
  Number(
    (
      (await t.tickler.database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from push_subscriptions where user_id = ${u.id}`,
      )) as { rows: { n: number }[] }
    ).rows[0]!.n,
  );

describe("Web Push", () => {
  it("pushes a fired reminder that the push service can verify (VAPID ES256) and the browser can decrypt (aes128gcm)", async () => {
    const browser = push.subscribe();
    expect((await t.api(u, "POST", "/api/me/push-subscriptions", browser)).status).toBe(204);
    const res = await t.api(u, "POST", "/api/me/tasks", { title: "Pushed task", reminders: [{ at: soon() }] });
    const task = (await res.json()) as { id: number };
    await expect.poll(() => push.received.length, { timeout: 20_000 }).toBe(1);
    expect(push.rejected).toEqual([]);
    const [msg] = push.received;
    const { vapidPublicKey } = (await (await t.request("/api/config")).json()) as { vapidPublicKey: string };
    expect(msg!.vapidKey).toBe(vapidPublicKey);
    expect(msg!.endpoint).toBe(browser.endpoint);
    const payload = JSON.parse(msg!.text) as {
      type: string;
      reminder: { task_id: number; title: string };
      url: string;
    };
    expect(payload).toMatchObject({
      type: "reminder",
      reminder: { task_id: task.id, title: "Pushed task" },
      url: `/?task=${task.id}`,
    });
  });

  it("deletes a subscription the push service answers 410 Gone for", async () => {
    const browser = push.subscribe();
    await t.api(u, "POST", "/api/me/push-subscriptions", browser);
    const before = await subscriptionCount();
    push.answer(browser.endpoint, 410);
    const seen = push.received.length;
    await t.api(u, "POST", "/api/me/tasks", { title: "Gone browser", reminders: [{ at: soon() }] });
    await expect
      .poll(() => push.received.filter((m) => m.endpoint === browser.endpoint).length, { timeout: 20_000 })
      .toBe(1);
    expect(push.received.length).toBeGreaterThan(seen);
    await expect.poll(subscriptionCount, { timeout: 10_000 }).toBe(before - 1);
  });
});

describe("email", () => {
  it("emails a fired reminder to a user who opted in, and not to one who did not", async () => {
    const quiet = await t.signUp("Quiet");
    expect(await (await t.api(u, "PUT", "/api/me/reminder-settings", { email: true })).json()).toEqual({
      email: true,
      email_available: true,
    });
    await t.api(quiet, "POST", "/api/me/tasks", { title: "No mail please", reminders: [{ at: soon() }] });
    await t.api(u, "POST", "/api/me/tasks", { title: "Mail me", reminders: [{ at: soon() }] });
    await expect.poll(() => mails.map((m) => m.subject), { timeout: 20_000 }).toContain("Reminder: Mail me");
    expect(mails.find((m) => m.subject === "Reminder: Mail me")!.to).toBe(u.email);
    // Both reminders were claimed together or before; the quiet user's is sent, never mailed.
    await expect
      .poll(
        async () =>
          (
            (await (await t.api(quiet, "GET", "/api/me/tasks")).json()) as {
              tasks: { reminders: { state: string }[] }[];
            }
          ).tasks[0]!.reminders[0]!.state,
        { timeout: 20_000 },
      )
      .toBe("sent");
    expect(mails.some((m) => m.subject.includes("No mail please"))).toBe(false);
  });
});
