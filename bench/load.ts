/**
 * The load test: 200 simulated users (arriving over the first 30 s, each signs
 * in once from its own address behind a trusted proxy, then thinks 0.5–1.5 s
 * between actions: list,
 * create, update, complete, and offline-assistant chat turns) for 60 s against
 * a server with its default rate limits. Prints throughput, latency, errors,
 * and checks that every acknowledged write is in the database afterwards.
 * LOAD_USERS and LOAD_SECONDS change the size.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnServer } from "../tests/support/spawn-server.ts";
import { percentiles } from "./http.ts";

const USERS = Number(process.env.LOAD_USERS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
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
  const dataDir = mkdtempSync(join(tmpdir(), "tickler-load-"));
  const env: Record<string, string> = { DATA_DIR: dataDir, BETTER_AUTH_SECRET: "load-secret-load-secret-load-secret-0000", TRUST_PROXY: "loopback", LOG_LEVEL: "info" };
  if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL;
  const server = await spawnServer(env, 60_000);
  const url = server.url;
  try {
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
    console.log(`Load test: ${USERS} users for ${SECONDS} s (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}); accounts created in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const deadline = Date.now() + SECONDS * 1000;
    const started = performance.now();
    // Users arrive over the first half (at most 30 s): a sign-in costs ~180 ms of scrypt CPU.
    const rampMs = Math.min(30, SECONDS / 2) * 1000;
    await Promise.all(
      sims.map(async (s, i) => {
        await new Promise((r) => setTimeout(r, (i * rampMs) / USERS));
        await simulate(url, s, deadline);
      }),
    );
    const elapsed = (performance.now() - started) / 1000;

    const all = [...samples.values()].flat();
    const overall = percentiles(all);
    console.log(`requests: ${all.length + errors} in ${elapsed.toFixed(1)} s → ${(all.length / elapsed).toFixed(0)} ok/s; errors: ${errors}`);
    console.log(`latency all: p50 ${overall.p50.toFixed(1)} ms, p99 ${overall.p99.toFixed(1)} ms`);
    for (const [op, list] of [...samples].sort()) {
      const p = percentiles(list);
      console.log(`  ${op.padEnd(12)} n=${String(list.length).padStart(6)}  p50 ${p.p50.toFixed(1).padStart(7)} ms  p99 ${p.p99.toFixed(1).padStart(7)} ms`);
    }
    for (const [kind, n] of errorKinds) console.log(`  error ${kind}: ${n}`);

    // Every acknowledged write must be there, in its last acknowledged state.
    let acknowledged = 0;
    let missing = 0;
    let wrong = 0;
    for (const s of sims) {
      const seen = new Map<number, { title: string; completed: boolean }>();
      let cursor: string | null = null;
      do {
        const res = await fetch(`${url}/api/me/tasks?limit=100${cursor ? `&cursor=${cursor}` : ""}`, {
          headers: { authorization: `Bearer ${s.token}` },
        });
        const page = (await res.json()) as { tasks: { id: number; title: string; completed: boolean }[]; next_cursor: string | null };
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
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function simulate(url: string, s: Sim, deadline: number) {
  const headers = () => ({ authorization: `Bearer ${s.token}`, "content-type": "application/json", "x-forwarded-for": s.ip });
  const signIn = await timed("sign-in", () =>
    fetch(`${url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url, "x-forwarded-for": s.ip },
      body: JSON.stringify({ email: s.email, password: PASSWORD }),
    }),
  );
  if (!signIn) return;
  const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
  await signIn.arrayBuffer();
  const tokenRes = await timed("token", () => fetch(`${url}/api/auth/token`, { headers: { cookie, origin: url, "x-forwarded-for": s.ip } }));
  if (!tokenRes) return;
  s.token = ((await tokenRes.json()) as { token: string }).token;

  let n = 0;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500 + Math.random() * 1000));
    if (Date.now() >= deadline) break;
    const ids = [...s.tasks.keys()];
    const pick = ids[Math.floor(Math.random() * ids.length)];
    const roll = Math.random();
    n++;
    if (roll < 0.35) {
      const res = await timed("list", () => fetch(`${url}/api/me/tasks?status=pending&limit=50`, { headers: headers() }));
      await res?.arrayBuffer();
    } else if (roll < 0.6 || pick === undefined) {
      const title = `task ${n}`;
      const res = await timed("create", () => fetch(`${url}/api/me/tasks`, { method: "POST", headers: headers(), body: JSON.stringify({ title, tags: ["load"] }) }));
      if (res) s.tasks.set(((await res.json()) as { id: number }).id, { title, completed: false });
    } else if (roll < 0.75) {
      const title = `renamed ${n}`;
      const res = await timed("update", () => fetch(`${url}/api/me/tasks/${pick}`, { method: "PATCH", headers: headers(), body: JSON.stringify({ title }) }));
      if (res) {
        await res.arrayBuffer();
        s.tasks.get(pick)!.title = title;
      }
    } else if (roll < 0.9) {
      const completed = Math.random() < 0.7;
      const res = await timed("complete", () =>
        fetch(`${url}/api/me/tasks/${pick}/complete`, { method: "PATCH", headers: headers(), body: JSON.stringify({ completed }) }),
      );
      if (res) {
        await res.arrayBuffer();
        s.tasks.get(pick)!.completed = completed;
      }
    } else {
      const res = await timed("chat", () =>
        fetch(`${url}/api/me/chat`, { method: "POST", headers: headers(), body: JSON.stringify({ message: `add chat task ${n} tomorrow 9am #load` }) }),
      );
      if (res) {
        const body = (await res.json()) as { tool_calls: { tool: string; result: { task?: { id: number; title: string } } }[] };
        const added = body.tool_calls.find((c) => c.tool === "add_task")?.result.task;
        if (added) s.tasks.set(added.id, { title: added.title, completed: false });
      }
    }
  }
}

await main();
