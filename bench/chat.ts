/**
 * Chat turn latency with the offline model, server time as the client sees it,
 * sequential: an add, a listing, and a bulk change's preview (update_tasks).
 * Part of `npm run bench` (bench/run.ts); alone: `node --import tsx bench/chat.ts`
 * (DATABASE_URL for PostgreSQL). Target: p50 and p99 ≤ 30 ms on PostgreSQL.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { RAISED_LIMITS } from "../tests/support/limits.ts";
import { signUpOverHttp } from "../tests/support/http-user.ts";
import { spawnServer } from "../tests/support/spawn-server.ts";
import { percentiles } from "./http.ts";

const fmt = (n: number) => n.toFixed(1);

export const CHAT_CASES = [
  ["add", "add water the plants tomorrow 8am #home"],
  ["list", "what's due this week?"],
  ["bulk preview", "move all overdue tasks to tomorrow"],
] as const;

/** Runs 60 turns per case (the first 10 warm the JIT) and prints p50/p99 of the last 50. */
export async function chatTurns(url: string, auth: Record<string, string>): Promise<void> {
  for (const [label, message] of CHAT_CASES) {
    const samples: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      const res = await fetch(`${url}/api/me/chat`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ message }),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`chat ${res.status}`);
      samples.push(performance.now() - t0);
    }
    const p = percentiles(samples.slice(10));
    console.log(`chat turn "${label}" (offline model, 50 turns): p50 ${fmt(p.p50)} ms, p99 ${fmt(p.p99)} ms`);
  }
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "tickler-bench-chat-"));
  const env = {
    DATA_DIR: dataDir,
    BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-00",
    LOG_LEVEL: "info",
    ...RAISED_LIMITS,
  };
  if (process.env.DATABASE_URL) Object.assign(env, { DATABASE_URL: process.env.DATABASE_URL });
  const server = await spawnServer(env, 60_000);
  try {
    const user = await signUpOverHttp(server.url, "Bench");
    const auth = { authorization: `Bearer ${user.token}`, "content-type": "application/json" };
    for (let i = 0; i < 50; i++) {
      const due = i % 5 === 0 ? { due_at: "2020-01-01T09:00:00Z" } : {};
      await fetch(`${server.url}/api/me/tasks`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ title: `Task ${i}`, tags: ["bench"], ...due }),
      });
    }
    console.log(`chat turns — database: ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`);
    await chatTurns(server.url, auth);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
