/**
 * The embedded database on its own thread (decision 032): this worker owns the PGlite instance and
 * answers the messages of pglite-thread.ts, so that Postgres's WASM runs on one core while HTTP,
 * tokens and JSON run on the other. Started by client.ts; `workerData` is what PGlite.create takes.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, types, type Transaction } from "@electric-sql/pglite";
import { pgliteOptions } from "./pglite-options.ts";
import type { Event, Reply, Request, StartData } from "./pglite-protocol.ts";

const port = parentPort!;
const { dir, sharedBuffers, loadDataDir } = workerData as StartData;

// Drizzle maps these itself from Postgres's text; its own client passes the same identity parsers.
const identity = (v: string) => v;
const RAW_TEXT = Object.fromEntries(
  [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map((oid) => [
    oid,
    identity,
  ]),
);

/** Open transactions by id: PGlite's handle, how to end the callback it waits in, and its outcome. */
interface OpenTx {
  tx: Transaction;
  end(commit: boolean): void;
  finished: Promise<void>;
}
const open = new Map<number, OpenTx>();
const listening = new Map<number, () => Promise<void>>();
const ROLLBACK = new Error("rolled back by the caller"); // ends the callback; never reported
let nextTx = 1;

function errorOf(err: unknown): Extract<Reply, { ok: false }>["error"] {
  const e = err as Error & Record<string, unknown>;
  // Own fields (code, detail, constraint, …) are what callers test; structured clone would drop them.
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e ?? {})) if (typeof v !== "function" && typeof v !== "object") fields[k] = v;
  return { name: e?.name ?? "Error", message: e?.message || String(err), fields };
}

async function handle(pg: PGlite, msg: Request): Promise<unknown> {
  switch (msg.op) {
    case "query": {
      const target = msg.tx ? open.get(msg.tx)?.tx : pg;
      if (!target) throw new Error("transaction already ended");
      return target.query(msg.sql, msg.params, { rowMode: msg.rowMode, ...(msg.raw ? { parsers: RAW_TEXT } : {}) });
    }
    case "begin": {
      // PGlite's transaction() holds its lock while the callback runs; the callback waits for "end".
      let enter!: () => void;
      const entered = new Promise<void>((resolve) => (enter = resolve));
      const t = {} as OpenTx;
      t.finished = pg
        .transaction(
          (tx) =>
            new Promise<void>((commit, rollback) => {
              t.tx = tx;
              t.end = (ok) => (ok ? commit() : rollback(ROLLBACK));
              enter();
            }),
        )
        .then(
          () => {},
          (err) => {
            if (err !== ROLLBACK) throw err;
          },
        );
      await Promise.race([entered, t.finished]); // a failed BEGIN rejects here
      const id = nextTx++;
      open.set(id, t);
      return id;
    }
    case "end": {
      const t = open.get(msg.tx);
      if (!t) throw new Error("transaction already ended");
      open.delete(msg.tx);
      t.end(msg.commit);
      return t.finished;
    }
    case "listen": {
      const unlisten = await pg.listen(msg.channel, (payload) =>
        port.postMessage({ notify: msg.listener, payload } satisfies Event),
      );
      listening.set(msg.listener, unlisten);
      return undefined;
    }
    case "unlisten": {
      await listening.get(msg.listener)?.();
      listening.delete(msg.listener);
      return undefined;
    }
    case "close":
      await pg.close();
      return undefined;
  }
}

try {
  const pg = await PGlite.create(dir, { ...(await pgliteOptions(sharedBuffers)), loadDataDir });
  port.on("message", (msg: Request) => {
    handle(pg, msg).then(
      (result) => port.postMessage({ id: msg.id, ok: true, result } satisfies Reply),
      (err) => port.postMessage({ id: msg.id, ok: false, error: errorOf(err) } satisfies Reply),
    );
  });
  port.postMessage({ ready: true } satisfies Event);
} catch (err) {
  port.postMessage({ ready: false, error: errorOf(err) } satisfies Event);
}
