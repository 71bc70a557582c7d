/**
 * Opens the database: PGlite in DATA_DIR when DATABASE_URL is unset, a `pg`
 * pool otherwise. Both give the same Drizzle API, plus LISTEN/NOTIFY.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema/index.ts";
import { collectGarbage } from "./collect-garbage.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { leakFreeTransactions } from "./pg-transaction.ts";
import { namedStatementClient } from "./named-statements.ts";
import { pgliteOptions } from "./pglite-options.ts";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  /** Subscribes to a NOTIFY channel; returns the unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Runs `fn` while holding a cluster-wide advisory lock (one process at a time). */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** PGlite directory; `memory://` for a throwaway in-memory database. */
  dataDir: string;
  /** A PGlite dump (from `dumpDataDir`) to start from; tests use it to skip initdb. */
  loadDataDir?: Blob | File | undefined;
  /** PGlite's `shared_buffers` (e.g. `16MB`); see pglite-options.ts. */
  pgliteSharedBuffers?: string | undefined;
  poolSize?: number;
  /**
   * Recognises errors our own code throws inside a transaction (drizzle rolled
   * back; the pooled client is healthy and goes back to the pool). The db layer
   * cannot know those classes, so the app passes the test in. Without it every
   * failed transaction's client is discarded: safe, only slower.
   */
  isApplicationError?: (err: unknown) => boolean;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.databaseUrl
    ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10, opts.isApplicationError ?? (() => false))
    : openPglite(opts);
}

async function openPglite(opts: DatabaseOptions): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const inMemory = opts.dataDir.startsWith("memory://");
  const release = inMemory ? async () => {} : await lockDataDir(opts.dataDir);
  try {
    const dir = inMemory ? undefined : join(opts.dataDir, "pglite");
    const runsInitdb = !opts.loadDataDir && (!dir || !existsSync(join(dir, "PG_VERSION")));
    if (runsInitdb && dir) await initdbApart(dir, opts.pgliteSharedBuffers);
    const client = await PGlite.create(dir, {
      ...(await pgliteOptions(opts.pgliteSharedBuffers)),
      loadDataDir: opts.loadDataDir,
    });
    if (runsInitdb && !dir) collectGarbage(); // frees the instance initdb ran in
    const db = drizzle(client, { schema }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      ping: async () => void (await client.query("select 1")),
      listen: async (channel, fn) => {
        const unlisten = await client.listen(channel, fn);
        return () => unlisten();
      },
      withLock: (_key, fn) => fn(), // one process owns a PGlite directory
      close: async () => {
        await client.close();
        await release();
      },
    };
  } catch (err) {
    await release();
    throw err;
  }
}

/**
 * Runs initdb for a new data directory in a child process (pglite-initdb.ts, beside this module
 * in src/ and in the bundle), so that this process never holds initdb's peak (decision 031).
 */
async function initdbApart(dir: string, sharedBuffers: string | undefined): Promise<void> {
  const script = fileURLToPath(new URL(import.meta.url.endsWith(".ts") ? "./pglite-initdb.ts" : "./pglite-initdb.js", import.meta.url));
  const child = spawn(process.execPath, [script, dir, sharedBuffers ?? ""], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr = (stderr + d).slice(-2_000)));
  const [code] = (await once(child, "close")) as [number | null];
  if (code !== 0) throw new Error(`could not create the database in ${dir}: ${stderr.trim().split("\n").at(-1) || `exit ${code}`}`);
}

async function openPostgres(url: string, poolSize: number, isApplicationError: (err: unknown) => boolean): Promise<Database> {
  const pg = (await import("pg")).default;
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new pg.Pool({
    Client: namedStatementClient(pg.Client),
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
    // Fail fast instead of queueing forever when the server is gone.
    query_timeout: 30_000,
  });
  // An idle client losing its connection must not crash the process…
  pool.on("error", () => {});
  // …nor a checked-out one between queries (pg emits "error" with no listener
  // then); its pending and next queries still fail, and the pool discards it.
  pool.on("connect", (client) => void client.on("error", () => {}));
  const db = drizzle(pool, { schema }) as unknown as Db;
  leakFreeTransactions(db, pool, (client) => drizzle(client, { schema }) as unknown as Db, isApplicationError);
  const listeners = new Set<{ close(): Promise<void> }>();
  return {
    db,
    kind: "postgres",
    ping: async () => void (await pool.query("select 1")),
    listen: async (channel, fn) => {
      const sub = await listenWithReconnect(pg, url, channel, fn);
      listeners.add(sub);
      return async () => {
        listeners.delete(sub);
        await sub.close();
      };
    },
    withLock: async (key, fn) => {
      const conn = await pool.connect();
      try {
        await conn.query("select pg_advisory_lock($1)", [key]);
        return await fn();
      } finally {
        await conn.query("select pg_advisory_unlock($1)", [key]).catch(() => {});
        conn.release();
      }
    },
    close: async () => {
      await Promise.all([...listeners].map((l) => l.close()));
      await pool.end();
    },
  };
}

/** A dedicated LISTEN connection that reconnects (with back-off) after the server restarts. */
async function listenWithReconnect(
  pg: typeof import("pg").default,
  url: string,
  channel: string,
  fn: (payload: string) => void,
): Promise<{ close(): Promise<void> }> {
  let closed = false;
  let client: import("pg").Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (delay: number): Promise<void> => {
    if (closed) return;
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    c.on("notification", (m) => m.channel === channel && fn(m.payload ?? ""));
    c.on("error", () => {
      void c.end().catch(() => {});
      if (client === c) retry = setTimeout(() => void connect(Math.min(delay * 2, 5_000)), delay);
    });
    try {
      await c.connect();
      await c.query(`LISTEN "${channel.replace(/"/g, "")}"`);
      if (closed) return void c.end().catch(() => {}); // closed while we were reconnecting
      client = c;
    } catch {
      void c.end().catch(() => {});
      retry = setTimeout(() => void connect(Math.min(delay * 2, 5_000)), delay);
    }
  };
  await connect(100);
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
