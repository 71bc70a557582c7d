/**
 * Memory of the production server (package.json `start`): RSS once idle after start, on PGlite
 * (an existing data directory) and on PostgreSQL (the local server, a migrated database), with the
 * list and create throughput of the same process so that a memory saving that costs speed shows.
 * `--compare` also runs the steps of decision 010 (PGlite's default settings, V8 flags), interleaved
 * over MEMORY_ROUNDS rounds (default 3) so that they share whatever else the machine is doing.
 * BENCH_SECONDS sets each load case (default 5); MEMORY_SERVER runs another built main.js (a copy
 * kept apart from dist/server, which the test suite rebuilds, or an older build to compare with).
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { signUpOverHttp } from "../tests/support/http-user.ts";
import { spawnServer, startArgs } from "../tests/support/spawn-server.ts";
import { createPostgresTestDatabase, postgresAvailable } from "../tests/support/test-db.ts";
import { load } from "./http.ts";
import { cpuMsOf, idleRssMb, mb, peakRssMb, rssMb } from "./rss.ts";

const ROUNDS = Number(process.env.MEMORY_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SECRET = { BETTER_AUTH_SECRET: "memory-bench-secret-memory-bench-secret" };

interface Variant {
  name: string;
  nodeArgs: string[];
  env: Record<string, string>;
}
interface Sample {
  idle: number | undefined;
  afterLoad: number | undefined;
  listRps: number;
  createRps: number;
  /** The server's CPU time per request: far less sensitive than req/s to what else the machine runs. */
  listCpuMs: number;
  createCpuMs: number;
}

async function runOnce(v: Variant, env: Record<string, string>): Promise<Sample> {
  const server = await spawnServer({ ...SECRET, ...env, ...v.env }, 120_000, { nodeArgs: v.nodeArgs });
  try {
    await fetch(`${server.url}/readyz`).then((r) => r.arrayBuffer());
    const idle = await idleRssMb(server.child.pid!);
    const user = await signUpOverHttp(server.url, "Memory");
    const auth = { authorization: `Bearer ${user.token}`, "content-type": "application/json" };
    for (let i = 0; i < 50; i++) {
      await fetch(`${server.url}/api/me/tasks`, { method: "POST", headers: auth, body: JSON.stringify({ title: `Task ${i}` }) }).then((r) => r.arrayBuffer());
    }
    const pid = server.child.pid!;
    const cpu0 = cpuMsOf(pid) ?? NaN;
    const list = await load("list", { url: `${server.url}/api/me/tasks`, headers: auth, seconds: SECONDS, connections: 20 });
    const cpu1 = cpuMsOf(pid) ?? NaN;
    const create = await load("create", {
      url: `${server.url}/api/me/tasks`,
      method: "POST",
      headers: auth,
      body: JSON.stringify({ title: "load", tags: ["bench"] }),
      seconds: SECONDS,
      connections: 20,
    });
    const cpu2 = cpuMsOf(pid) ?? NaN;
    return {
      idle,
      afterLoad: rssMb(pid),
      listRps: list.rps,
      createRps: create.rps,
      listCpuMs: (cpu1 - cpu0) / (list.rps * SECONDS),
      createCpuMs: (cpu2 - cpu1) / (create.rps * SECONDS),
    };
  } finally {
    await server.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medianOf = (xs: (number | undefined)[]) => {
  const ok = xs.filter((x): x is number => x !== undefined);
  return ok.length ? median(ok) : undefined;
};

async function measure(title: string, variants: Variant[], envFor: (v: Variant) => Record<string, string>, rounds: number): Promise<void> {
  const samples = new Map<string, Sample[]>(variants.map((v) => [v.name, []]));
  for (let round = 0; round < rounds; round++) for (const v of variants) samples.get(v.name)!.push(await runOnce(v, envFor(v)));
  console.log(`\n${title} — ${rounds} round(s), medians; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log("variant                                                        idle RSS   after load   list: req/s, CPU ms/req (×first)   create: req/s, CPU ms/req (×first)");
  const first = samples.get(variants[0]!.name)!;
  const [list0, create0] = [median(first.map((s) => s.listCpuMs)), median(first.map((s) => s.createCpuMs))];
  for (const v of variants) {
    const s = samples.get(v.name)!;
    const [list, create] = [median(s.map((x) => x.listCpuMs)), median(s.map((x) => x.createCpuMs))];
    const rps = (xs: number[]) => median(xs).toFixed(0).padStart(5);
    console.log(
      `${v.name.padEnd(60)} ${mb(medianOf(s.map((x) => x.idle))).padStart(9)}  ${mb(medianOf(s.map((x) => x.afterLoad))).padStart(10)}   ${rps(s.map((x) => x.listRps))}, ${list.toFixed(2).padStart(6)} (${(list / list0).toFixed(2)})            ${rps(s.map((x) => x.createRps))}, ${create.toFixed(2).padStart(6)} (${(create / create0).toFixed(2)})`,
    );
  }
}

async function main(): Promise<void> {
  const production = startArgs();
  const script = process.env.MEMORY_SERVER ?? production.at(-1)!;
  const npmStart: Variant = { name: `npm start (node ${production.join(" ")})`, nodeArgs: [...production.slice(0, -1), script], env: {} };
  const compare = process.argv.includes("--compare");
  const variants: Variant[] = compare
    ? [
        { name: "before: PGlite defaults (shared_buffers 128MB), source maps", nodeArgs: ["--enable-source-maps", script], env: { PGLITE_SHARED_BUFFERS: "128MB" } },
        { name: "shared_buffers 16MB, source maps", nodeArgs: ["--enable-source-maps", script], env: {} },
        { name: "shared_buffers 16MB, --liftoff-only, source maps", nodeArgs: ["--liftoff-only", "--enable-source-maps", script], env: {} },
        { name: "shared_buffers 16MB, --liftoff-only, no source maps", nodeArgs: ["--liftoff-only", script], env: {} },
        { name: "shared_buffers 16MB, V8's default young generation (before decision 023)", nodeArgs: ["--enable-source-maps", script], env: {} },
        { name: "16 MB semi-spaces, source maps (before decision 028)", nodeArgs: ["--enable-source-maps", "--max-semi-space-size=16", script], env: {} },
        { name: "no source maps, V8's own heap growing", nodeArgs: ["--max-semi-space-size=16", script], env: {} },
        { name: "no source maps, heap growing 20 %", nodeArgs: ["--max-semi-space-size=16", "--heap-growing-percent=20", script], env: {} },
        npmStart,
      ]
    : [npmStart];

  // An existing data directory, migrated once; every start gets its own copy.
  const template = mkdtempSync(join(tmpdir(), "tickler-memory-"));
  const copies: string[] = [];
  try {
    // Its first start runs initdb and the migrations: reported apart, it is once per install.
    const first = await spawnServer({ ...SECRET, DATA_DIR: template }, 120_000);
    await fetch(`${first.url}/readyz`).then((r) => r.arrayBuffer());
    const firstIdle = await idleRssMb(first.child.pid!);
    console.log(`PGlite, a first start (creates the database): idle RSS ${mb(firstIdle)}, peak ${mb(peakRssMb(first.child.pid!))}`);
    await first.stop();
    await measure(
      "PGlite, an existing data directory",
      variants,
      () => {
        const dir = mkdtempSync(join(tmpdir(), "tickler-memory-"));
        copies.push(dir);
        cpSync(template, dir, { recursive: true });
        return { DATA_DIR: dir };
      },
      compare ? ROUNDS : 1,
    );
  } finally {
    for (const d of [template, ...copies]) rmSync(d, { recursive: true, force: true });
  }

  if (!(await postgresAvailable())) return void console.log("\nPostgreSQL: no server on 127.0.0.1:5432, skipped");
  const db = await createPostgresTestDatabase();
  try {
    const pgVariants: Variant[] = compare
      ? [
          { name: "source maps, V8's default young generation (before decision 023)", nodeArgs: ["--enable-source-maps", script], env: {} },
          { name: "no source maps", nodeArgs: [script], env: {} },
          { name: "16 MB semi-spaces, source maps (before decision 028)", nodeArgs: ["--enable-source-maps", "--max-semi-space-size=16", script], env: {} },
          { name: "no source maps, V8's own heap growing", nodeArgs: ["--max-semi-space-size=16", script], env: {} },
          { name: "no source maps, heap growing 20 %", nodeArgs: ["--max-semi-space-size=16", "--heap-growing-percent=20", script], env: {} },
          npmStart,
        ]
      : [npmStart];
    await measure("PostgreSQL, a migrated database", pgVariants, () => db.env, compare ? ROUNDS : 1);
  } finally {
    await db.drop();
  }
}

await main();
