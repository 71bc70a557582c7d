/**
 * Reminders across replicas on one PostgreSQL: three pollers race for the same
 * due rows, one replica restarts in the middle, and each of 200 reminders due
 * within 10 s is delivered exactly once. Then every server stops, time passes,
 * and a fresh start fires what is within REMINDER_GRACE late and records the
 * rest as missed.
 */
import { sql, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Db } from "../../src/db/client.ts";
import { describe, expect, it } from "vitest";
import type { ReminderEvent } from "../../src/contracts/reminder.ts";
import type { Tickler } from "../../src/server/create-app.ts";
import { inProcess, sessionAfterSignUp, type Mailbox } from "../support/mailbox.ts";
import { useReplicas } from "../support/replicas.ts";
import { readAppEvents } from "../support/sse-app.ts";
import { TEST_ORIGIN } from "../support/test-app.ts";

const COUNT = 200;

async function signUp(r: Tickler, mailbox: Mailbox) {
  const req = (path: string, init?: RequestInit) => Promise.resolve(r.app.request(`${TEST_ORIGIN}${path}`, init));
  const email = `replica.${Date.now()}@example.com`;
  const up = await req("/api/auth/sign-up/email", {
    method: "POST",
    headers: { "content-type": "application/json", origin: TEST_ORIGIN },
    body: JSON.stringify({ name: "Replica", email, password: "replica password" }),
  });
  const { user } = (await up.clone().json()) as { user: { id: string } };
  // Sign-up answers alike for every address; the session comes from the mailed link.
  const cookie = await sessionAfterSignUp(up, email, mailbox, inProcess(req, TEST_ORIGIN));
  const { token } = (await (await req("/api/auth/token", { headers: { cookie, origin: TEST_ORIGIN } })).json()) as {
    token: string;
  };
  return { id: user.id, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } };
}

/** `count` tasks of the user, each with one reminder, in one statement; `fireAt` is SQL for the i-th fire time. */
async function seed(db: Pick<Db, "execute">, userId: string, count: number, fireAt: (i: SQL) => SQL) {
  const { rows } = (await db.execute<{ id: number }>(
    sql`select id from lists where user_id = ${userId} and is_inbox`,
  )) as { rows: { id: number }[] };
  const inbox = rows[0]!.id;
  const base = Number(
    (
      (await db.execute(sql`select coalesce(max(id), 0) as m from tasks where user_id = ${userId}`)) as {
        rows: { m: number }[];
      }
    ).rows[0]!.m,
  );
  await db.execute(sql`
    insert into tasks (user_id, id, title, list_id, position)
    select ${userId}, ${base} + i, 'reminder ' || i, ${inbox}, i * 1024 from generate_series(1, ${count}) as i`);
  await db.execute(sql`update task_counters set last_id = ${base + count} where user_id = ${userId}`);
  await db.execute(sql`
    insert into reminders (user_id, task_id, at, fire_at)
    select ${userId}, ${base} + i, f, f from (select i, ${fireAt(sql`i`)} as f from generate_series(1, ${count}) as i) s`);
  return base;
}

describe.skipIf(process.env.TEST_DB !== "postgres")("reminders on three replicas", () => {
  const replicas = useReplicas();

  it("delivers each of 200 reminders due within 10 s exactly once, with a replica restarting in the middle", async () => {
    const [a, b, c] = (await replicas.start(3)) as [Tickler, Tickler, Tickler];
    const user = await signUp(a, replicas.mailbox);
    // The Inbox exists once the user has written something.
    await a.app.request(`${TEST_ORIGIN}/api/me/tasks`, {
      method: "POST",
      headers: user.headers,
      body: JSON.stringify({ title: "first" }),
    });
    const stream = readAppEvents(await a.app.request(`${TEST_ORIGIN}/api/me/events`, { headers: user.headers }));
    await stream.ready;
    const base = await seed(
      b.database.db,
      user.id,
      COUNT,
      (i) => sql`now() + (${i}::int * interval '50 milliseconds')`,
    );
    // Wake the pollers (they also wake on their own at the first fire time).
    await c.app.request(`${TEST_ORIGIN}/api/me/tasks`, {
      method: "POST",
      headers: user.headers,
      body: JSON.stringify({ title: "wake" }),
    });

    const delivered = () =>
      stream.events.filter((e) => e.name === "reminder").map((e) => JSON.parse(e.data) as ReminderEvent);
    await expect.poll(() => delivered().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(COUNT / 4);
    // Restart in the middle: one replica stops gracefully, a new one joins.
    await replicas.stop(c);
    const [d] = (await replicas.start(1)) as [Tickler];
    // The VAPID keys are the database's: every replica, and every restart, publishes the same one.
    const keyOf = async (r: Tickler) =>
      ((await (await r.app.request(`${TEST_ORIGIN}/api/config`)).json()) as { vapidPublicKey: string }).vapidPublicKey;
    expect(new Set(await Promise.all([a, b, d].map(keyOf))).size).toBe(1);

    await expect.poll(() => delivered().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(COUNT);
    const pending = await a.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from reminders where user_id = ${user.id} and state = 'pending'`,
    );
    expect((pending as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    const ids = delivered().map((e) => e.task_id);
    expect(new Set(ids).size).toBe(COUNT);
    expect(ids).toHaveLength(COUNT);
    expect(Math.min(...ids)).toBe(base + 1);
    await stream.close();
  });

  it("after every server was down, fires on start-up what is within the grace (marked late) and records the rest as missed", async () => {
    const [a] = (await replicas.start(1)) as [Tickler];
    const user = await signUp(a, replicas.mailbox);
    await a.app.request(`${TEST_ORIGIN}/api/me/tasks`, {
      method: "POST",
      headers: user.headers,
      body: JSON.stringify({ title: "first" }),
    });
    // Stop every replica, then make reminders that came due while none ran: 50 min and 100 min ago.
    for (const r of replicas.running()) await replicas.stop(r);
    const client = new pg.Client({ connectionString: replicas.databaseUrl() });
    await client.connect();
    await seed(drizzle(client), user.id, 2, (i) => sql`now() - (${i}::int * interval '50 minutes')`);
    await client.end();
    const [b] = (await replicas.start(1)) as [Tickler];
    await expect
      .poll(
        async () => {
          const res = await b.database.db.execute<{ state: string }>(
            sql`select task_id, state from reminders where user_id = ${user.id} order by task_id`,
          );
          return (res as { rows: { state: string }[] }).rows.map((r) => r.state);
        },
        { timeout: 30_000 },
      )
      .toEqual(["late", "missed"]);
  });
});
