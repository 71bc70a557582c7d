/**
 * PGlite on a worker thread (pglite-worker.ts; decision 032), behind the part of PGlite's API that
 * Drizzle's PGlite driver and client.ts use: query, transaction, listen, close. Queries keep PGlite's
 * own order: one at a time, a transaction's statements never interleaved with others'.
 */
import { Worker } from "node:worker_threads";
import type { Event, Reply, Request, StartData } from "./pglite-protocol.ts";

type Op = Request extends infer R ? (R extends Request ? Omit<R, "id"> : never) : never;
type QueryOptions = { rowMode?: "array" | "object"; parsers?: unknown };

/** What client.ts and Drizzle's PGlite driver use of PGlite; a PGlite instance is one too. */
export interface PgliteClient {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<unknown>;
  transaction<T>(fn: (tx: { query: PgliteClient["query"] }) => Promise<T>): Promise<T>;
  listen(channel: string, fn: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** The worker's module beside this one: pglite-worker.ts in src/, pglite-worker.js in the bundle. */
const workerUrl = () =>
  new URL(import.meta.url.endsWith(".ts") ? "./pglite-worker.ts" : "./pglite-worker.js", import.meta.url);

export async function startPgliteThread(data: StartData): Promise<PgliteClient> {
  const worker = new Worker(workerUrl(), { workerData: data });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  const listeners = new Map<number, (payload: string) => void>();
  let nextId = 1;
  let failure: Error | undefined;

  const ready = new Promise<void>((resolve, reject) => {
    worker.on("message", (msg: Reply | Event) => {
      if ("id" in msg) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.ok) p?.resolve(msg.result);
        else p?.reject(Object.assign(new Error(msg.error.message), msg.error.fields, { name: msg.error.name }));
      } else if ("notify" in msg) listeners.get(msg.notify)?.(msg.payload);
      else if (msg.ready) resolve();
      else reject(Object.assign(new Error(msg.error.message), msg.error.fields));
    });
    // A worker that dies (out of memory, a WASM abort) fails what waits on it and everything after.
    const died = (err: Error) => {
      failure = err;
      reject(err);
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    };
    worker.on("error", died);
    worker.on("exit", (code) => died(new Error(`the database thread exited (${code})`)));
  });
  await ready;

  const call = (op: Op): Promise<unknown> =>
    failure
      ? Promise.reject(failure)
      : new Promise((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, ...op });
        });
  const query =
    (tx: number | undefined) =>
    (sql: string, params?: unknown[], options?: QueryOptions): Promise<unknown> =>
      call({ op: "query", sql, params, rowMode: options?.rowMode, raw: options?.parsers !== undefined, tx });

  return {
    query: query(undefined),
    async transaction(fn) {
      const tx = (await call({ op: "begin" })) as number;
      let result;
      try {
        result = await fn({ query: query(tx) });
      } catch (err) {
        await call({ op: "end", tx, commit: false }).catch(() => {}); // the caller's error says more
        throw err;
      }
      await call({ op: "end", tx, commit: true });
      return result;
    },
    async listen(channel, fn) {
      const listener = nextId++;
      listeners.set(listener, fn);
      await call({ op: "listen", channel, listener });
      return async () => {
        listeners.delete(listener);
        await call({ op: "unlisten", listener });
      };
    },
    async close() {
      await call({ op: "close" });
      failure = new Error("the database is closed");
      worker.removeAllListeners("exit");
      await worker.terminate();
    },
  };
}
