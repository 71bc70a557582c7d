/**
 * "Your tasks changed" signals. Publishing goes through Postgres NOTIFY, so
 * every replica hears every change; each process fans a signal out to its own
 * open event streams for that user. Nothing per user outlives a connection.
 */
import { subscriberRegistry } from "./subscribers.ts";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Logger } from "../../http/logger.ts";

export const TASKS_CHANNEL = "tickler_tasks";

export interface TaskEvents {
  /** Signals that `userId`'s tasks changed (fire and forget). */
  publish(userId: string): void;
  /** Calls `fn(false)` on every change of `userId`'s tasks until unsubscribed; `fn(true)` at shutdown. */
  subscribe(userId: string, fn: (ending: boolean) => void): () => void;
  /** Tells every open stream to end (the server is draining). */
  endStreams(): void;
  close(): Promise<void>;
}

export async function createTaskEvents(database: Database, logger: Logger): Promise<TaskEvents> {
  const subscribers = subscriberRegistry<boolean>();
  const unlisten = await database.listen(TASKS_CHANNEL, (userId) => {
    subscribers.notify(userId, false);
  });
  // One NOTIFY in flight per user: the publishes that arrive meanwhile fold into one more, sent
  // after it (so after they were asked for: no change goes unsignalled). Streams collapse changes
  // that arrive together anyway; this spares a statement per write when one user writes in bursts.
  const owed = new Map<string, boolean>();
  const send = (userId: string): void => {
    database.db
      .execute(sql`select pg_notify(${TASKS_CHANNEL}, ${userId})`)
      .catch((err: Error) => {
        logger.warn("task event not published", { error: err.message });
      })
      .finally(() => {
        if (owed.get(userId)) {
          owed.set(userId, false);
          send(userId);
        } else owed.delete(userId);
      });
  };
  return {
    publish(userId) {
      if (owed.has(userId)) return void owed.set(userId, true);
      owed.set(userId, false);
      send(userId);
    },
    subscribe: (userId, fn) => subscribers.subscribe(userId, fn),
    endStreams() {
      subscribers.notifyAll(true);
    },
    close: unlisten,
  };
}
