/**
 * Load cases against servers running in child processes: with `wrk` when it is
 * on PATH (C, one thread: what issue 17 measured with, and it leaves the
 * 2-core machine's CPU to the servers; autocannon, in Node, took ~20 % of the
 * list's throughput at ~1,000 req/s), else autocannon. `BENCH_LOADER=autocannon` forces the latter.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";

export interface LoadResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Responses received in the whole case. */
  total: number;
}

type LoadOptions = {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  seconds: number;
  connections: number;
};

const hasWrk = process.env.BENCH_LOADER !== "autocannon" && spawnSync("wrk", ["--version"]).error === undefined;
export const LOADER = hasWrk ? "wrk -t1" : "autocannon";

export async function load(name: string, opts: LoadOptions): Promise<LoadResult> {
  return hasWrk ? wrk(name, opts) : withAutocannon(name, opts);
}

const MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/** Runs wrk without blocking: the servers' logs flow into this process's pipes meanwhile. */
function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, out, err }));
  });
}

/** wrk's report, read from its text (method, headers and body go through a Lua script). */
async function wrk(name: string, opts: LoadOptions): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), "tickler-wrk-"));
  try {
    const script = join(dir, "request.lua");
    writeFileSync(
      script,
      [
        `wrk.method = ${JSON.stringify(opts.method ?? "GET")}`,
        ...Object.entries(opts.headers ?? {}).map(
          ([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`,
        ),
        ...(opts.body === undefined ? [] : [`wrk.body = ${JSON.stringify(opts.body)}`]),
      ].join("\n"),
    );
    // autocannon's 10 s timeout: wrk's default 2 s would count a slow tail as errors, not latency.
    const args = [
      "-t1",
      `-c${opts.connections}`,
      `-d${opts.seconds}s`,
      "--timeout",
      "10s",
      "--latency",
      "-s",
      script,
      opts.url,
    ];
    const { code, out, err } = await run(args);
    if (code !== 0) throw new Error(`wrk failed: ${err}`);
    const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? 0);
    const latency = (q: string) => {
      const m = new RegExp(`^\\s+${q}%\\s+([\\d.]+)(us|ms|s|m)\\b`, "m").exec(out);
      return m ? Number(m[1]) * MS[m[2]!]! : NaN;
    };
    const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
    return {
      name,
      rps: num(/Requests\/sec:\s+([\d.]+)/),
      p50: latency("50"),
      p99: latency("99"),
      errors: socket ? socket.slice(1).reduce((n, x) => n + Number(x), 0) : 0,
      non2xx: num(/Non-2xx or 3xx responses: (\d+)/),
      total: num(/(\d+) requests in/),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withAutocannon(name: string, opts: LoadOptions): Promise<LoadResult> {
  const r = await autocannon({
    url: opts.url,
    method: opts.method ?? "GET",
    headers: opts.headers,
    body: opts.body,
    duration: opts.seconds,
    connections: opts.connections,
  });
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    total: r.requests.total,
  };
}

/** Percentiles of a list of millisecond samples. */
export function percentiles(samples: number[]): { p50: number; p99: number; mean: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}
