/**
 * The load test: 200 simulated users (arriving over the first 30 s, each signs
 * in once from its own address behind a trusted proxy, then thinks 0.5–1.5 s
 * between actions: list,
 * create, update, complete, and offline-assistant chat turns) for 60 s against
 * a server with its default rate limits. Prints throughput, latency, errors,
 * and checks that every acknowledged write is in the database afterwards.
 * Runs on PGlite and then on PostgreSQL (DATABASE_URL, or a fresh database on the
 * local server when one answers), LOAD_ROUNDS times each (default 2) against the
 * same process, and reports its RSS once idle after start and after each round:
 * memory must stay flat from one round to the next (decision 010).
 * LOAD_USERS and LOAD_SECONDS change the size; LOAD_DATABASES=pglite|postgres runs
 * one database; LOAD_NODE_ARGS adds Node flags before the start script's (heap
 * settings, CPU profiles).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnServer, startArgs } from "../tests/support/spawn-server.ts";
import { createPostgresTestDatabase, postgresAvailable } from "../tests/support/test-db.ts";
import { percentiles } from "./http.ts";
import { cpuMsOf, idleRssMb, mb, rssMb } from "./rss.ts";

const USERS = Number(process.env.LOAD_USERS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const ROUNDS = Number(process.env.LOAD_ROUNDS ?? 2);
const PASSWORD = "load test password";

interface Sim {
  ip: string;
  email: string;
  token: string;
  /** What the server acknowledged: task id → expected final state. */
  tasks: Map<number, { title: string; completed: boolean }>;
}

const samples = new Map<string, number[]>();
let errors = 0;
const errorKinds = new Map<string, number>();

async function timed(op: string, fn: () => Promise<Response>): Promise<Response | undefined> {
  const t0 = performance.now();
  try {
    const res = await fn();
    const ms = performance.now() - t0;
    if (!res.ok) {
      errors++;
      errorKinds.set(`${op} ${res.status}`, (errorKinds.get(`${op} ${res.status}`) ?? 0) + 1);
      await res.arrayBuffer();
      return undefined;
    }
    (samples.get(op) ?? samples.set(op, []).get(op)!).push(ms);
    return res;
  } catch (err) {
    errors++;
    errorKinds.set(`${op} ${(err as Error).message}`, (errorKinds.get(`${op} ${(err as Error).message}`) ?? 0) + 1);
    return undefined;
  }
}

async function main() {
  const only = process.env.LOAD_DATABASES; // "pglite" or "postgres"; both by default
  if (only !== "postgres") {
    const dataDir = mkdtempSync(join(tmpdir(), "tickler-load-"));
    try {
      await runOn("PGlite", { DATA_DIR: dataDir });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (only === "pglite") return;
  if (process.env.DATABASE_URL)
    return runOn("PostgreSQL", { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: "memory://" });
  if (!(await postgresAvailable())) return void console.log("\nPostgreSQL: no server on 127.0.0.1:5432, skipped");
  const db = await createPostgresTestDatabase();
  try {
    await runOn("PostgreSQL", db.env);
  } finally {
    await db.drop();
  }
}

async function runOn(database: string, dbEnv: Record<string, string>) {
  const env: Record<string, string> = {
    ...dbEnv,
    BETTER_AUTH_SECRET: "load-secret-load-secret-load-secret-0000",
    TRUST_PROXY: "loopback",
    LOG_LEVEL: "info",
    // Accounts are set up, not measured: no verification mail to follow for 200 of them.
    EMAIL_VERIFICATION: "off",
  };
  const extra = process.env.LOAD_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const server = await spawnServer(env, 60_000, { nodeArgs: [...extra, ...startArgs()] });
  const url = server.url;
  const pid = server.child.pid!;
  try {
    await fetch(`${url}/readyz`).then((r) => r.arrayBuffer());
    const rss = [await idleRssMb(pid)];
    const sims: Sim[] = Array.from({ length: USERS }, (_, i) => ({
      ip: `10.${(i >> 8) & 255}.${i & 255}.${1 + (i % 250)}`,
      email: `load${i}.${Date.now()}@example.com`,
      token: "",
      tasks: new Map(),
    }));
    // Accounts exist beforehand (sign-up is not part of the measured mix).
    const t0 = performance.now();
    for (let i = 0; i < sims.length; i += 8) {
      await Promise.all(
        sims.slice(i, i + 8).map((s) =>
          fetch(`${url}/api/auth/sign-up/email`, {
            method: "POST",
            headers: { "content-type": "application/json", origin: url, "x-forwarded-for": s.ip },
            body: JSON.stringify({ name: "Load", email: s.email, password: PASSWORD }),
          }).then((r) => r.arrayBuffer()),
        ),
      );
    }
    console.log(
      `\nLoad test: ${USERS} users for ${SECONDS} s × ${ROUNDS} (${database}); idle RSS after start ${mb(rss[0])}; accounts created in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    for (let round = 1; round <= ROUNDS; round++) {
      await loadRound(url, pid, sims);
      rss.push(rssMb(pid));
      const d = (a: number | undefined, b: number | undefined) =>
        a === undefined || b === undefined ? "" : ` (${b - a >= 0 ? "+" : ""}${(b - a).toFixed(0)})`;
      console.log(
        `RSS after round ${round}: ${mb(rss[round])}${d(rss[0], rss[round])} vs idle${round > 1 ? `, ${d(rss[round - 1], rss[round]).trim()} vs round ${round - 1}` : ""}`,
      );
    }
  } finally {
    await server.stop();
  }
}

/** One round: every user signs in and works for SECONDS; then every acknowledged write is checked. */
async function loadRound(url: string, pid: number, sims: Sim[]) {
  samples.clear();
  errors = 0;
  errorKinds.clear();
  {
    const deadline = Date.now() + SECONDS * 1000;
    const started = performance.now();
    const cpu0 = cpuMsOf(pid) ?? NaN;
    // Users arrive over the first half (at most 30 s): a sign-in costs ~180 ms of scrypt CPU.
    const rampMs = Math.min(30, SECONDS / 2) * 1000;
    await Promise.all(
      sims.map(async (s, i) => {
        await new Promise((r) => setTimeout(r, (i * rampMs) / USERS));
        await simulate(url, s, deadline);
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const cpuMs = (cpuMsOf(pid) ?? NaN) - cpu0;

    const all = [...samples.values()].flat();
    const overall = percentiles(all);
    console.log(
      `requests: ${all.length + errors} in ${elapsed.toFixed(1)} s → ${(all.length / elapsed).toFixed(0)} ok/s; errors: ${errors}; server CPU ${(cpuMs / (all.length + errors)).toFixed(2)} ms/request`,
    );
    console.log(`latency all: p50 ${overall.p50.toFixed(1)} ms, p99 ${overall.p99.toFixed(1)} ms`);
    for (const [op, list] of [...samples].sort()) {
      const p = percentiles(list);
      console.log(
        `  ${op.padEnd(12)} n=${String(list.length).padStart(6)}  p50 ${p.p50.toFixed(1).padStart(7)} ms  p99 ${p.p99.toFixed(1).padStart(7)} ms`,
      );
    }
    for (const [kind, n] of errorKinds) console.log(`  error ${kind}: ${n}`);

    // Every acknowledged write must be there, in its last acknowledged state.
    let acknowledged = 0;
    let missing = 0;
    let wrong = 0;
    for (const s of sims.filter((x) => x.token)) {
      const seen = new Map<number, { title: string; completed: boolean }>();
      let cursor: string | null = null;
      do {
        const res = await fetch(`${url}/api/me/tasks?limit=100${cursor ? `&cursor=${cursor}` : ""}`, {
          headers: { authorization: `Bearer ${s.token}` },
        });
        const page = (await res.json()) as {
          tasks: { id: number; title: string; completed: boolean }[];
          next_cursor: string | null;
        };
        for (const t of page.tasks) seen.set(t.id, t);
        cursor = page.next_cursor;
      } while (cursor);
      for (const [id, want] of s.tasks) {
        acknowledged++;
        const got = seen.get(id);
        if (!got) missing++;
        else if (got.title !== want.title || got.completed !== want.completed) wrong++;
      }
    }
    console.log(`acknowledged writes checked: ${acknowledged} tasks — missing ${missing}, wrong state ${wrong}`);
    if (errors > 0 || missing > 0 || wrong > 0) process.exitCode = 1;
  }
}

async function signIn(url: string, s: Sim): Promise<boolean> {
  const res = await timed("sign-in", () =>
    fetch(`${url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url, "x-forwarded-for": s.ip },
      body: JSON.stringify({ email: s.email, password: PASSWORD }),
    }),
  );
  if (!res) return false;
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  await res.arrayBuffer();
  const tokenRes = await timed("token", () =>
    fetch(`${url}/api/auth/token`, { headers: { cookie, origin: url, "x-forwarded-for": s.ip } }),
  );
  if (!tokenRes) return false;
  s.token = ((await tokenRes.json()) as { token: string }).token;
  return true;
}

async function simulate(url: string, s: Sim, deadline: number) {
  const headers = () => ({
    authorization: `Bearer ${s.token}`,
    "content-type": "application/json",
    "x-forwarded-for": s.ip,
  });
  // Signed in once; a later round goes on with the same token (it lives 15 min).
  if (!s.token && !(await signIn(url, s))) return;

  let n = 0;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500 + Math.random() * 1000));
    if (Date.now() >= deadline) break;
    const ids = [...s.tasks.keys()];
    const pick = ids[Math.floor(Math.random() * ids.length)];
    const roll = Math.random();
    n++;
    if (roll < 0.35) {
      const res = await timed("list", () =>
        fetch(`${url}/api/me/tasks?status=pending&limit=50`, { headers: headers() }),
      );
      await res?.arrayBuffer();
    } else if (roll < 0.6 || pick === undefined) {
      const title = `task ${n}`;
      const res = await timed("create", () =>
        fetch(`${url}/api/me/tasks`, {
          method: "POST",
          headers: headers(),
          body: JSON.stringify({ title, tags: ["load"] }),
        }),
      );
      if (res) s.tasks.set(((await res.json()) as { id: number }).id, { title, completed: false });
    } else if (roll < 0.75) {
      const title = `renamed ${n}`;
      const res = await timed("update", () =>
        fetch(`${url}/api/me/tasks/${pick}`, { method: "PATCH", headers: headers(), body: JSON.stringify({ title }) }),
      );
      if (res) {
        await res.arrayBuffer();
        s.tasks.get(pick)!.title = title;
      }
    } else if (roll < 0.9) {
      const completed = Math.random() < 0.7;
      const res = await timed("complete", () =>
        fetch(`${url}/api/me/tasks/${pick}/complete`, {
          method: "PATCH",
          headers: headers(),
          body: JSON.stringify({ completed }),
        }),
      );
      if (res) {
        await res.arrayBuffer();
        s.tasks.get(pick)!.completed = completed;
      }
    } else {
      const res = await timed("chat", () =>
        fetch(`${url}/api/me/chat`, {
          method: "POST",
          headers: headers(),
          body: JSON.stringify({ message: `add chat task ${n} tomorrow 9am #load` }),
        }),
      );
      if (res) {
        const body = (await res.json()) as {
          tool_calls: { tool: string; result: { task?: { id: number; title: string } } }[];
        };
        const added = body.tool_calls.find((c) => c.tool === "add_task")?.result.task;
        if (added) s.tasks.set(added.id, { title: added.title, completed: false });
      }
    }
  }
}

await main();
