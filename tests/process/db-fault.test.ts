/**
 * The database goes away mid-load: a TCP proxy in front of PostgreSQL is cut
 * for ~1 s during 300 task creates. Requests fail fast with 503
 * `database_unavailable` (never 500, never a hang), every acknowledged write is
 * stored exactly once, and the server recovers without a restart.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.ts";
import { createPostgresTestDatabase, postgresAvailable } from "../support/test-db.ts";

const TOTAL = 300;
const CONCURRENCY = 10;
/** No request may take longer than this, cut or not (pg connect timeout is 5 s). */
const BOUND_MS = 6_000;

const available = await postgresAvailable();
let db: Awaited<ReturnType<typeof createPostgresTestDatabase>>;
let proxy: TcpProxy;
let t: TestApp;
let user: TestUser;

beforeAll(async () => {
  if (!available) return;
  db = await createPostgresTestDatabase();
  proxy = await startTcpProxy({ host: "127.0.0.1", port: 5432 });
  const viaProxy = new URL(db.url);
  viaProxy.port = String(proxy.port);
  t = await createTestApp({ DATABASE_URL: viaProxy.toString() });
  user = await t.signUp("Under Load");
});

afterAll(async () => {
  if (!available) return;
  const started = Date.now();
  await t?.close();
  expect(Date.now() - started).toBeLessThan(5_000);
  await proxy?.close();
  await db?.drop();
});

interface Outcome {
  title: string;
  status: number;
  code?: string;
  ms: number;
}

describe.skipIf(!available)("database outage during writes", () => {
  it("answers 503 database_unavailable while cut, loses no acknowledged write, and recovers by itself", async () => {
    const outcomes: Outcome[] = [];
    let next = 0;
    let cutDone: Promise<void> | undefined;
    const worker = async () => {
      while (next < TOTAL) {
        const i = next++;
        if (i === 60) {
          // A third of the way in: the database disappears for about a second.
          proxy.cut();
          cutDone = new Promise((r) => setTimeout(r, 1_000)).then(() => proxy.restore());
        }
        const title = `load-${i}`;
        const started = performance.now();
        const res = await t.api(user, "POST", "/api/me/tasks", { title });
        const body = (await res.json()) as { error?: { code: string } };
        outcomes.push({ title, status: res.status, code: body.error?.code, ms: performance.now() - started });
        if (res.status === 503) await new Promise((r) => setTimeout(r, 200)); // a client backing off
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await cutDone;

    const failed = outcomes.filter((o) => o.status !== 201);
    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.title);
    expect(failed.length).toBeGreaterThan(0); // the cut did hit requests
    expect(new Set(failed.map((o) => `${o.status} ${o.code}`))).toEqual(new Set(["503 database_unavailable"]));
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(BOUND_MS);

    // Recovery without a restart: ready again, and writes succeed.
    let ready = 0;
    for (let i = 0; i < 50 && ready !== 200; i++) {
      ready = (await t.request("/readyz")).status;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ready).toBe(200);
    expect((await t.api(user, "POST", "/api/me/tasks", { title: "after" })).status).toBe(201);
    // No pooled connection leaked by a failed `begin` (drizzle would keep it checked out forever).
    // The reminder scheduler, woken by that write, may hold one for a moment on a busy machine:
    // wait for every connection to come back — a leaked one never does.
    const pool = (t.tickler.database.db as unknown as { $client: { totalCount: number; idleCount: number } }).$client;
    await expect.poll(() => pool.totalCount - pool.idleCount, { timeout: 5_000, interval: 25 }).toBe(0);

    // Straight to PostgreSQL (not through the proxy): what is really stored.
    const direct = new pg.Client({ connectionString: db.url });
    await direct.connect();
    try {
      const { rows } = await direct.query<{ title: string; n: number }>(
        "select title, count(*)::int as n from tasks where user_id = $1 group by title",
        [user.id],
      );
      const stored = new Map(rows.map((r) => [r.title, r.n]));
      for (const title of acknowledged) expect(stored.get(title), title).toBe(1);
      expect(rows.every((r) => r.n === 1)).toBe(true); // no duplicates
      // A 503 may still have committed (the answer was lost, not the write): report, don't hide.
      const ambiguous = failed.filter((o) => stored.has(o.title)).length;
      const { rows: ids } = await direct.query<{ n: number; distinct_ids: number; max_id: number; last_id: number }>(
        `select count(*)::int as n, count(distinct id)::int as distinct_ids, max(id) as max_id,
                (select last_id from task_counters where user_id = $1) as last_id
         from tasks where user_id = $1`,
        [user.id],
      );
      expect(ids[0]!.distinct_ids).toBe(ids[0]!.n);
      expect(ids[0]!.last_id).toBeGreaterThanOrEqual(ids[0]!.max_id);
      expect(ids[0]!.n).toBe(acknowledged.length + ambiguous + 1);
      console.info(
        `db-fault: ${acknowledged.length} acknowledged, ${failed.length} × 503, ${ambiguous} committed despite 503, ` +
          `slowest ${Math.round(Math.max(...outcomes.map((o) => o.ms)))} ms`,
      );
    } finally {
      await direct.end();
    }
  }, 60_000);
});
