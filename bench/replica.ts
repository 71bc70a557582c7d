/**
 * Tickler side by side with a replica of the original Python backend's request
 * path (../shared/bench/seed_replica.py: FastAPI + PyJWKClient + sync SQLModel),
 * in one run (Tickler on PostgreSQL, then on PGlite; the replica always on
 * PostgreSQL, as the original ran), with the same load generator,
 * token and page size: `GET /api/{sub}/tasks`, 50 tasks, 50 connections.
 * The replica verifies Tickler's own EdDSA tokens against Tickler's JWKS.
 *
 * Both log as deployed by default (Tickler one JSON line per request, uvicorn its access log).
 * Skipped (with the reason) when Debian's python3 lacks the replica's packages
 * or PostgreSQL does not answer. REPLICA_SECONDS / REPLICA_ROUNDS change the size.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createPostgresTestDatabase, postgresAvailable } from "../tests/support/test-db.ts";
import { signUpOverHttp } from "../tests/support/http-user.ts";
import { spawnServer } from "../tests/support/spawn-server.ts";
import { load, LOADER, type LoadResult } from "./http.ts";

const PYTHON = process.env.REPLICA_PYTHON ?? "/usr/bin/python3";
// REPLICA_SCRIPT: a worktree under /work/wt is one level deeper than ../shared.
const SCRIPT =
  process.env.REPLICA_SCRIPT ?? fileURLToPath(new URL("../../shared/bench/seed_replica.py", import.meta.url));
const SECONDS = Number(process.env.REPLICA_SECONDS ?? 10);
const ROUNDS = Number(process.env.REPLICA_ROUNDS ?? 3);
const CONNECTIONS = 50;
const TASKS = 50;

function whyNot(): string | null {
  if (!existsSync(SCRIPT)) return `${SCRIPT} is not there`;
  const probe = spawnSync(PYTHON, ["-c", "import fastapi, uvicorn, jwt, sqlmodel, psycopg2, cryptography"], {
    encoding: "utf8",
  });
  if (probe.status !== 0)
    return `${PYTHON} lacks the replica's packages (see ../shared/bench/README.md): ${(probe.stderr || probe.error?.message || "").trim().split("\n").at(-1)}`;
  return null;
}

function runPython(args: string[], env: Record<string, string>): void {
  const r = spawnSync(PYTHON, [SCRIPT, ...args], { env: { ...process.env, ...env }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`replica ${args.join(" ")} failed: ${r.stderr}`);
}

async function startReplica(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = 8600 + Math.floor(Math.random() * 300);
  const child = spawn(PYTHON, [SCRIPT], {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr.on("data", (d) => (err = (err + d).slice(-4096)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`replica exited: ${err}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, child };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`replica did not start: ${err}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const reason = whyNot() ?? ((await postgresAvailable()) ? null : "PostgreSQL does not answer on 127.0.0.1:5432");
  if (reason) {
    console.log(`Replica comparison skipped: ${reason}`);
    return;
  }
  for (const db of ["PostgreSQL", "PGlite"] as const) await compare(db);
}

/** One Tickler (on `db`) and one replica verifying its tokens, loaded in alternating rounds. */
async function compare(db: "PostgreSQL" | "PGlite") {
  const [tdb, rdb] = await Promise.all([createPostgresTestDatabase(), createPostgresTestDatabase()]);
  const dataDir = mkdtempSync(join(tmpdir(), "tickler-replica-"));
  const dbEnv = db === "PostgreSQL" ? tdb.env : { DATA_DIR: dataDir };
  const server = await spawnServer(
    { ...dbEnv, BETTER_AUTH_SECRET: "replica-bench-secret-replica-bench-secret" },
    60_000,
  );
  let replica: { url: string; child: ChildProcess } | null = null;
  try {
    const origin = server.url;
    const { token, id: sub } = await signUpOverHttp(origin, "Bench");
    const auth = { Authorization: `Bearer ${token}` };
    for (let i = 0; i < TASKS; i++) {
      const r = await fetch(`${origin}/api/me/tasks`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ title: `Task ${i}`, tags: i % 2 ? ["work"] : [] }),
      });
      if (r.status !== 201) throw new Error(`seed: ${r.status}`);
    }
    const renv = { ISSUER_URL: origin, DATABASE_URL: rdb.url };
    runPython(["init"], renv);
    runPython(["seed", "--user", sub, "--count", String(TASKS)], renv);
    replica = await startReplica(renv);

    // Same token, same page size, alternating rounds so that drift hits both alike.
    const tickler: LoadResult[] = [];
    const original: LoadResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      tickler.push(
        await load("Tickler", {
          url: `${origin}/api/${sub}/tasks?limit=${TASKS}`,
          headers: auth,
          seconds: SECONDS,
          connections: CONNECTIONS,
        }),
      );
      original.push(
        await load("replica", {
          url: `${replica.url}/api/${sub}/tasks?limit=${TASKS}`,
          headers: auth,
          seconds: SECONDS,
          connections: CONNECTIONS,
        }),
      );
    }
    const row = (name: string, rs: LoadResult[]) => ({
      name,
      rps: median(rs.map((r) => r.rps)),
      p50: median(rs.map((r) => r.p50)),
      p99: median(rs.map((r) => r.p99)),
      bad: rs.reduce((n, r) => n + r.errors + r.non2xx, 0),
    });
    const t = row("Tickler GET /api/{sub}/tasks", tickler);
    const o = row("original's replica GET /api/{sub}/tasks", original);
    console.log(
      `\nSide by side with the original's request path — Tickler on ${db}, the replica on PostgreSQL, ${CONNECTIONS} connections (${LOADER}), ${SECONDS} s × ${ROUNDS} rounds (medians), ${TASKS} tasks`,
    );
    console.log("target                                      req/s     p50 ms   p99 ms   errors+non-2xx");
    for (const r of [t, o])
      console.log(
        `${r.name.padEnd(42)} ${r.rps.toFixed(0).padStart(7)} ${r.p50.toFixed(1).padStart(9)} ${r.p99.toFixed(1).padStart(8)} ${String(r.bad).padStart(8)}`,
      );
    console.log(
      `Tickler / replica: ${(t.rps / o.rps).toFixed(1)}× the requests per second (target ≥ ${db === "PostgreSQL" ? 20 : 10}×), p99 ${t.p99.toFixed(0)} ms vs ${o.p99.toFixed(0)} ms`,
    );
  } finally {
    replica?.child.kill();
    await server.stop();
    await Promise.all([tdb.drop(), rdb.drop()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
