/**
 * Reminder dispatch throughput: 1,000 reminders of one user due in the same
 * second, delivered as SSE `reminder` events to an open /events stream. Times
 * from the instant they are due to the last event (reminders/s), on PGlite, and
 * on PostgreSQL with one and with three replicas when one answers on
 * 127.0.0.1:5432. The in-process app is driven through app.request (no sockets),
 * so this is the claim → NOTIFY → stream path, not HTTP.
 */
import { sql } from "drizzle-orm";
import { loadConfig } from "../src/config/env.ts";
import { createLogger } from "../src/http/logger.ts";
import { createTickler, type Tickler } from "../src/server/create-app.ts";
import { readAppEvents } from "../tests/support/sse-app.ts";
import { TEST_ENV, TEST_ORIGIN } from "../tests/support/test-app.ts";
import { createPostgresTestDatabase, postgresAvailable } from "../tests/support/test-db.ts";

const COUNT = Number(process.env.BENCH_REMINDERS ?? 1000);

async function signUp(r: Tickler) {
  const req = (path: string, init?: RequestInit) => Promise.resolve(r.app.request(`${TEST_ORIGIN}${path}`, init));
  const up = await req("/api/auth/sign-up/email", {
    method: "POST",
    headers: { "content-type": "application/json", origin: TEST_ORIGIN },
    body: JSON.stringify({ name: "Bench", email: `bench.${Date.now()}@example.com`, password: "bench password here" }),
  });
  const { user } = (await up.json()) as { user: { id: string } };
  const cookie = up.headers.get("set-cookie")!.split(";")[0]!;
  const { token } = (await (await req("/api/auth/token", { headers: { cookie, origin: TEST_ORIGIN } })).json()) as {
    token: string;
  };
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  await req("/api/me/tasks", { method: "POST", headers, body: JSON.stringify({ title: "first" }) });
  return { id: user.id, headers };
}

async function run(label: string, replicas: Tickler[]) {
  const [a] = replicas as [Tickler];
  const user = await signUp(a);
  const db = a.database.db;
  const stream = readAppEvents(await a.app.request(`${TEST_ORIGIN}/api/me/events`, { headers: user.headers }));
  await stream.ready;
  const inbox = (
    (await db.execute(sql`select id from lists where user_id = ${user.id} and is_inbox`)) as { rows: { id: number }[] }
  ).rows[0]!.id;
  await db.execute(sql`
    insert into tasks (user_id, id, title, list_id, position)
    select ${user.id}, 1 + i, 'reminder ' || i, ${inbox}, i * 1024 from generate_series(1, ${COUNT}) as i`);
  await db.execute(sql`update task_counters set last_id = ${COUNT + 1} where user_id = ${user.id}`);
  const due = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000); // the start of a second, 1.5–2.5 s away
  await db.execute(sql`
    insert into reminders (user_id, task_id, at, fire_at)
    select ${user.id}, 1 + i, ${due.toISOString()}::timestamptz, ${due.toISOString()}::timestamptz from generate_series(1, ${COUNT}) as i`);
  // A task change wakes the pollers, which then sleep until the fire time (rows written behind the app's back wait for the next poll).
  const woke = await a.app.request(`${TEST_ORIGIN}/api/me/tasks`, {
    method: "POST",
    headers: user.headers,
    body: JSON.stringify({ title: "wake" }),
  });
  if (woke.status !== 201) throw new Error(`wake: ${woke.status}`);
  const reminders = () => stream.events.filter((e) => e.name === "reminder").length;
  let first = 0;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (!first && reminders() > 0) first = Date.now();
    if (reminders() >= COUNT || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const last = Date.now();
  const got = reminders();
  await stream.close();
  const seconds = (last - due.getTime()) / 1000;
  console.log(
    `${label}: ${got}/${COUNT} delivered; first ${first - due.getTime()} ms after due, last ${Math.round(seconds * 1000)} ms after due → ${Math.round(got / seconds)} reminders/s`,
  );
}

async function withReplicas(label: string, env: Record<string, string>, n: number) {
  // Dispatch is measured, not sign-up: the account needs no verification mail.
  const config = loadConfig({ ...TEST_ENV, EMAIL_VERIFICATION: "off", ...env });
  const replicas = await Promise.all(Array.from({ length: n }, () => createTickler(config, createLogger("silent"))));
  try {
    await run(label, replicas);
  } finally {
    await Promise.all(replicas.map((r) => r.close()));
  }
}

await withReplicas("PGlite, 1 server", { DATA_DIR: "memory://" }, 1);
if (await postgresAvailable()) {
  for (const n of [1, 3]) {
    const pg = await createPostgresTestDatabase();
    try {
      await withReplicas(`PostgreSQL, ${n} replica${n > 1 ? "s" : ""}`, pg.env, n);
    } finally {
      await pg.drop();
    }
  }
}
