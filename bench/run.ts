/**
 * `npm run bench`: HTTP throughput and latency of the API against a bare Hono
 * route measured in the same run (ratios, not absolute targets), JWT verify
 * cost with and without the verified-token cache, chat turn latency with the
 * offline model, and task-change → event latency. BENCH_SECONDS sets the
 * length of each load case (default 10).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RAISED_LIMITS } from "../tests/support/limits.ts";
import { signUpOverHttp } from "../tests/support/http-user.ts";
import { openSse } from "../tests/support/sse-client.ts";
import { spawnServer } from "../tests/support/spawn-server.ts";
import { load, LOADER, percentiles, type LoadResult } from "./http.ts";
import { chatTurns } from "./chat.ts";
import { verifyCost } from "./jwt-verify.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const fmt = (n: number, d = 1) => n.toFixed(d);

async function startBaseline(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/baseline-server.ts"], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve) => child.stdout.once("data", (d) => resolve(JSON.parse(String(d)).port)));
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill("SIGTERM") };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "tickler-bench-"));
  const env = { DATA_DIR: dataDir, BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-00", LOG_LEVEL: "info", ...RAISED_LIMITS };
  if (process.env.DATABASE_URL) Object.assign(env, { DATABASE_URL: process.env.DATABASE_URL });
  const server = await spawnServer(env, 60_000);
  const baseline = await startBaseline();
  try {
    const user = await signUpOverHttp(server.url, "Bench");
    const auth = { authorization: `Bearer ${user.token}`, "content-type": "application/json" };
    for (let i = 0; i < 50; i++) {
      await fetch(`${server.url}/api/me/tasks`, { method: "POST", headers: auth, body: JSON.stringify({ title: `Task ${i}`, tags: ["bench"] }) });
    }
    console.log(`Tickler benchmark — ${SECONDS}s per case, ${CONNECTIONS} connections (${LOADER}), database: ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}\n`);

    const results: LoadResult[] = [];
    results.push(await load("bare Hono route (baseline)", { url: baseline.url, seconds: SECONDS, connections: CONNECTIONS }));
    results.push(await load("GET /api/me/tasks (50 tasks)", { url: `${server.url}/api/me/tasks`, headers: auth, seconds: SECONDS, connections: CONNECTIONS }));
    // Revalidation of an unchanged page: what a polling client or a replica's refresh costs (decision 023).
    const etag = (await fetch(`${server.url}/api/me/tasks`, { headers: auth })).headers.get("etag") ?? "";
    results.push(await load("GET tasks, If-None-Match (304)", { url: `${server.url}/api/me/tasks`, headers: { ...auth, "if-none-match": etag }, seconds: SECONDS, connections: CONNECTIONS }));
    results.push(
      await load("GET tasks, Accept-Encoding: gzip", { url: `${server.url}/api/me/tasks`, headers: { ...auth, "accept-encoding": "gzip" }, seconds: SECONDS, connections: CONNECTIONS }),
    );
    results.push(
      await load("POST /api/me/tasks", {
        url: `${server.url}/api/me/tasks`,
        method: "POST",
        headers: auth,
        body: JSON.stringify({ title: "load", priority: "low", tags: ["bench"] }),
        seconds: SECONDS,
        connections: CONNECTIONS,
      }),
    );
    const base = results[0]!.rps;
    console.log("case                              req/s    ×baseline   p50 ms   p99 ms   errors  non-2xx");
    for (const r of results) {
      console.log(
        `${r.name.padEnd(32)} ${fmt(r.rps, 0).padStart(7)}   ${fmt(r.rps / base, 3).padStart(8)}   ${fmt(r.p50).padStart(6)}   ${fmt(r.p99).padStart(6)}   ${String(r.errors).padStart(6)}  ${String(r.non2xx).padStart(7)}`,
      );
    }

    const v = await verifyCost(server.url, user.token);
    console.log(`\nJWT verify (in process, ${v.iterations} verifications): no cache ${fmt(v.uncachedUs)} µs/op, with verified-token cache ${fmt(v.cachedUs, 2)} µs/op (${fmt(v.uncachedUs / v.cachedUs, 0)}× faster)`);
    console.log(
      `  with the revocation check (sid in a set of 10,000): no cache ${fmt(v.uncachedRevocationUs)} µs/op (${fmt(v.uncachedRevocationUs / v.uncachedUs, 2)}×), cached ${fmt(v.cachedRevocationUs, 2)} µs/op (${fmt(v.cachedRevocationUs / v.cachedUs, 2)}×)`,
    );

    // Chat turns with the offline model: server time as seen by the client, sequential.
    await chatTurns(server.url, auth);

    // Task change → event at a second client.
    const stream = await openSse(`${server.url}/api/me/events`, user.token);
    await stream.next("ready");
    const lags: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      await fetch(`${server.url}/api/me/tasks/1/complete`, { method: "PATCH", headers: auth });
      const e = await stream.next("tasks.changed", 2_000);
      lags.push(e.at - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    stream.close();
    const lag = percentiles(lags);
    console.log(`task change → event at another client (50 changes): p50 ${fmt(lag.p50)} ms, p99 ${fmt(lag.p99)} ms`);
  } finally {
    baseline.stop();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
