/**
 * Start-up of the production start command (package.json `start`: the built dist/server) on an
 * existing database: time from spawn to the first 200 from /readyz, how long requests meanwhile
 * got 503 "starting", and the CPU the process used until then. PGlite on an existing DATA_DIR,
 * and PostgreSQL (DATABASE_URL, or the local server on 127.0.0.1:5432) on a migrated database.
 * `--compare` also times other ways to run the same server on PGlite (decision 006).
 * STARTUP_RUNS sets the runs per case (default 7); cases are interleaved so that they share
 * whatever else the machine is doing.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { startArgs } from "../tests/support/spawn-server.ts";
import { ADMIN_URL, createPostgresTestDatabase, postgresAvailable } from "../tests/support/test-db.ts";
import { cpuMsOf } from "./rss.ts";

const RUNS = Number(process.env.STARTUP_RUNS ?? 7);
const SECRET = "startup-bench-secret-startup-bench-secret";

interface Case {
  name: string;
  args: string[];
  env: Record<string, string>;
}
interface Sample {
  readyMs: number;
  /** From the first 503 "starting" to the first 200. */
  starting503Ms: number;
  cpuMs: number | undefined;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function startOnce(c: Case): Promise<Sample> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, c.args, {
    env: { PATH: process.env.PATH, NODE_ENV: "production", BETTER_AUTH_SECRET: SECRET, LOG_LEVEL: "info", HOST: "127.0.0.1", PORT: String(port), ...c.env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let first503: number | undefined;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${c.name} exited with ${child.exitCode}:\n${stderr}`);
      const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
      const now = performance.now();
      if (res) await res.arrayBuffer();
      if (res?.status === 200) {
        const cpuMs = cpuMsOf(child.pid!);
        return { readyMs: now - t0, starting503Ms: first503 === undefined ? 0 : now - first503, cpuMs };
      }
      if (res?.status === 503) first503 ??= now;
      if (now - t0 > 60_000) throw new Error(`${c.name} not ready after 60 s:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const min = (xs: number[]) => Math.min(...xs);

async function measure(title: string, cases: Case[]): Promise<void> {
  await startOnce(cases[0]!); // the first start creates and migrates the database: not measured
  const samples = new Map<string, Sample[]>(cases.map((c) => [c.name, []]));
  for (let round = 0; round < RUNS; round++) for (const c of cases) samples.get(c.name)!.push(await startOnce(c));
  console.log(`\n${title} — ${RUNS} starts each; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on this machine`);
  console.log("case                                                  ready p50   ready min   503 window p50   CPU p50");
  for (const c of cases) {
    const s = samples.get(c.name)!;
    const cpu = s.map((x) => x.cpuMs).filter((x): x is number => x !== undefined);
    console.log(
      `${c.name.padEnd(52)} ${median(s.map((x) => x.readyMs)).toFixed(0).padStart(7)} ms  ${min(s.map((x) => x.readyMs)).toFixed(0).padStart(7)} ms  ${median(s.map((x) => x.starting503Ms)).toFixed(0).padStart(11)} ms  ${cpu.length ? `${median(cpu).toFixed(0).padStart(6)} ms` : "     –"}`,
    );
  }
}

/** Own code compiled by esbuild, every dependency loaded from node_modules (what type stripping loads, minus the stripping). */
async function buildUnbundled(): Promise<string> {
  const out = "dist/bench-unbundled"; // at dist/server's depth: ../../dist/web and node_modules resolve the same
  rmSync(out, { recursive: true, force: true });
  await build({ entryPoints: ["src/server/main.ts"], outdir: out, bundle: true, packages: "external", format: "esm", platform: "node", target: "node22.12", logLevel: "warning" });
  cpSync("src/db/migrations", `${out}/migrations`, { recursive: true });
  return `${out}/main.js`;
}

async function main(): Promise<void> {
  const production = startArgs();
  const dataDir = mkdtempSync(join(tmpdir(), "tickler-startup-"));
  try {
    const pglite = { DATA_DIR: dataDir };
    const cases: Case[] = [{ name: `npm start (node ${production.join(" ")})`, args: production, env: pglite }];
    if (process.argv.includes("--compare")) {
      cases.push(
        { name: "bundle without --enable-source-maps", args: ["dist/server/main.js"], env: pglite },
        { name: "own code compiled, dependencies unbundled", args: [await buildUnbundled()], env: pglite },
        { name: "type stripping (--experimental-transform-types)", args: ["--experimental-transform-types", "--no-warnings", "src/server/main.ts"], env: pglite },
        { name: "tsx loader (node --import tsx src/server/main.ts)", args: ["--import", "tsx", "src/server/main.ts"], env: pglite },
      );
    }
    await measure("Start-up on an existing PGlite data directory", cases);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync("dist/bench-unbundled", { recursive: true, force: true });
  }

  if (process.env.DATABASE_URL) {
    await measure("Start-up on PostgreSQL (DATABASE_URL)", [{ name: "npm start", args: production, env: { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: "memory://" } }]);
  } else if (await postgresAvailable()) {
    const db = await createPostgresTestDatabase();
    try {
      await measure(`Start-up on PostgreSQL (${new URL(ADMIN_URL).host}, a migrated database)`, [{ name: "npm start", args: production, env: db.env }]);
    } finally {
      await db.drop();
    }
  }
}

await main();
