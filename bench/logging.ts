/**
 * What per-request logging costs: the list route (50 tasks) on two servers that
 * differ only in LOG_LEVEL — `info` (a pino line per request, written to a file
 * as a deployment's log collector would read it) and `silent` — in interleaved
 * rounds, so machine noise hits both alike. Reports the median throughput of
 * each and the cost of logs as a share of the logs-off throughput (target < 5 %),
 * and the server's CPU time per request (from /proc): on a machine shared with
 * other work, throughput swings with the neighbours, CPU per request much less.
 * Last, the CPU one log line costs in isolation (bench/log-line.ts), against
 * the CPU a list request costs.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
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
const TICK_MS = 10; // USER_HZ is 100 on Linux

/** User + system CPU the process has used so far, in ms (fields 14 and 15 of /proc/<pid>/stat). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

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
    const cpuPerRequest = { on: [] as number[], off: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which side goes first, so a slow stretch does not always hit the same one.
      const order = round % 2 === 0 ? (["on", "off"] as const) : (["off", "on"] as const);
      for (const side of order) {
        const s = side === "on" ? on : off;
        const cpu0 = cpuMs(s.child.pid!);
        const r = await load(`logs ${side}`, { url: `${s.url}/api/me/tasks`, headers: auth.get(s)!, seconds: SECONDS, connections: CONNECTIONS });
        results[side].push(r);
        cpuPerRequest[side].push((cpuMs(s.child.pid!) - cpu0) / r.total);
      }
    }
    const rps = { on: median(results.on.map((r) => r.rps)), off: median(results.off.map((r) => r.rps)) };
    const p99 = { on: median(results.on.map((r) => r.p99)), off: median(results.off.map((r) => r.p99)) };
    const all = [...results.on, ...results.off];
    const errors = all.reduce((n, r) => n + r.errors, 0);
    const non2xx = all.reduce((n, r) => n + r.non2xx, 0);
    const requestLines = readFileSync(on.logFile, "utf8").split("\n").filter((l) => l.includes('"msg":"request"')).length;
    const cpu = { on: median(cpuPerRequest.on), off: median(cpuPerRequest.off) };
    console.log("side        req/s (median)   p99 ms   server CPU ms/req   rounds (req/s)");
    for (const side of ["on", "off"] as const) {
      console.log(
        `logs ${side.padEnd(4)}  ${rps[side].toFixed(0).padStart(14)}   ${p99[side].toFixed(1).padStart(6)}   ${cpu[side].toFixed(3).padStart(17)}   ${results[side].map((r) => r.rps.toFixed(0)).join(", ")}`,
      );
    }
    console.log(`throughput logs on / off = ${(rps.on / rps.off).toFixed(3)} → logging costs ${((1 - rps.on / rps.off) * 100).toFixed(1)} % of the list's throughput (target < 5 %)`);
    console.log(`CPU per request logs on / off = ${(cpu.on / cpu.off).toFixed(3)} → logging adds ${((cpu.on / cpu.off - 1) * 100).toFixed(1)} % CPU per request`);
    const lineCost = (level: string) => {
      const out = join(tmpdir(), `tickler-bench-lines-${level}-${process.pid}.log`);
      const fd = openSync(out, "w");
      const run = spawnSync(process.execPath, ["--import", "tsx", "bench/log-line.ts"], { env: { ...process.env, LOG_LEVEL: level }, stdio: ["ignore", fd, "pipe"] });
      rmSync(out, { force: true });
      return (JSON.parse(String(run.stderr).trim().split("\n").at(-1)!) as { usPerLine: number }).usPerLine;
    };
    const perLine = lineCost("info") - lineCost("silent");
    console.log(`one request log line in isolation: ${perLine.toFixed(2)} µs CPU = ${((perLine / 1000 / cpu.off) * 100).toFixed(2)} % of a list request's ${cpu.off.toFixed(2)} ms`);
    console.log(`log file: ${requestLines} request lines, ${(statSync(on.logFile).size / 1024 / 1024).toFixed(1)} MB; errors/timeouts: ${errors}, non-2xx: ${non2xx}`);
  } finally {
    await on.stop();
    await off.stop();
  }
}

await main();
