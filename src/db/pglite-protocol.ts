/** The messages between pglite-thread.ts (the server's thread) and pglite-worker.ts (the database's). */
export interface StartData {
  dir: string | undefined;
  sharedBuffers: string | undefined;
  loadDataDir: Blob | File | undefined;
}

export type Request = { id: number } & (
  | {
      op: "query";
      sql: string;
      params: unknown[] | undefined;
      rowMode: "array" | "object" | undefined;
      /** Timestamps, dates and intervals as Postgres's text (what Drizzle's PGlite driver asks for). */
      raw: boolean;
      /** Inside this open transaction, else on its own. */
      tx: number | undefined;
    }
  | { op: "begin" }
  | { op: "end"; tx: number; commit: boolean }
  | { op: "listen"; channel: string; listener: number }
  | { op: "unlisten"; listener: number }
  | { op: "close" }
);

export type Reply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { name: string; message: string; fields: Record<string, unknown> } };

/** Sent once PGlite has opened (or failed to), then for every NOTIFY on a listened channel. */
export type Event =
  | { ready: true }
  | { ready: false; error: Extract<Reply, { ok: false }>["error"] }
  | { notify: number; payload: string };
