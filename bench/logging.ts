/**
 * What per-request logging costs: the list route (50 tasks) on two servers that
 * differ only in LOG_LEVEL — `info` (a pino line per request, written to a file
 * as a deployment's log collector would read it) and `silent` — in interleaved
 * rounds, so machine noise hits both alike. Reports the median throughput of
 * each and the cost of logs as a share of the logs-off throughput (target < 5 %).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RAISED_LIMITS } from "../tests/support/limits.ts";
import { signUpOverHttp } from "../tests/support/http-user.ts";
import { startArgs } from "../tests/support/spawn-server.ts";
import { load, type LoadResult } from "./http.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Server {
  url: string;
  logFile: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function start(name: string, port: number, logLevel: "info" | "silent"): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), `tickler-bench-log-${name}-`));
  const logFile = join(dir, "server.log");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: join(dir, "data"),
    BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-00",
    LOG_LEVEL: logLevel,
    ...RAISED_LIMITS,
  };
  if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL;
  const child = spawn(process.execPath, startArgs(), { env, stdio: ["ignore", openSync(logFile, "a"), "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} server exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const exit = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    logFile,
    child,
    stop: async () => {
      child.kill("SIGTERM");
      await exit;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main() {
  const base = Number(process.env.BENCH_PORT ?? 0) || 20_000 + Math.floor(Math.random() * 20_000);
  const on = await start("on", base, "info");
  const off = await start("off", base + 1, "silent");
  try {
    const auth = new Map<Server, Record<string, string>>();
    for (const s of [on, off]) {
      const user = await signUpOverHttp(s.url, "Bench Logs");
      const headers = { authorization: `Bearer ${user.token}`, "content-type": "application/json" };
      for (let i = 0; i < 50; i++) {
        await fetch(`${s.url}/api/me/tasks`, { method: "POST", headers, body: JSON.stringify({ title: `Task ${i}`, tags: ["bench"] }) });
      }
      auth.set(s, headers);
      await load("warm-up", { url: `${s.url}/api/me/tasks`, headers, seconds: 2, connections: CONNECTIONS });
    }
    const db = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
    console.log(`\nPer-request log cost — GET /api/me/tasks (50 tasks), ${ROUNDS}×${SECONDS}s per side, interleaved, ${CONNECTIONS} connections, ${db}`);
    const results = { on: [] as LoadResult[], off: [] as LoadResult[] };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which side goes first, so a slow stretch does not always hit the same one.
      const order = round % 2 === 0 ? (["on", "off"] as const) : (["off", "on"] as const);
      for (const side of order) {
        const s = side === "on" ? on : off;
        results[side].push(await load(`logs ${side}`, { url: `${s.url}/api/me/tasks`, headers: auth.get(s)!, seconds: SECONDS, connections: CONNECTIONS }));
      }
    }
    const rps = { on: median(results.on.map((r) => r.rps)), off: median(results.off.map((r) => r.rps)) };
    const p99 = { on: median(results.on.map((r) => r.p99)), off: median(results.off.map((r) => r.p99)) };
    const bad = [...results.on, ...results.off].reduce((n, r) => n + r.errors + r.non2xx, 0);
    const requestLines = readFileSync(on.logFile, "utf8").split("\n").filter((l) => l.includes('"msg":"request"')).length;
    console.log("side        req/s (median)   p99 ms   rounds (req/s)");
    for (const side of ["on", "off"] as const) {
      console.log(`logs ${side.padEnd(4)}  ${rps[side].toFixed(0).padStart(14)}   ${p99[side].toFixed(1).padStart(6)}   ${results[side].map((r) => r.rps.toFixed(0)).join(", ")}`);
    }
    const cost = (1 - rps.on / rps.off) * 100;
    console.log(`logs on / off = ${(rps.on / rps.off).toFixed(3)} → logging costs ${cost.toFixed(1)} % of the list's throughput (target < 5 %)`);
    console.log(`log file: ${requestLines} request lines, ${(statSync(on.logFile).size / 1024 / 1024).toFixed(1)} MB; errors + non-2xx: ${bad}`);
  } finally {
    await on.stop();
    await off.stop();
  }
}

await main();
