import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { createLogger } from "../../http/logger.ts";
import { createTaskEvents } from "./task-events.ts";

/** A database whose NOTIFYs the test answers one by one. */
function fakeDatabase() {
  const dialect = new PgDialect();
  const calls: { userId: string; done: (err?: Error) => void }[] = [];
  let onCall: (() => void) | undefined;
  const database = {
    db: {
      execute: (q: SQL) =>
        new Promise<void>((resolve, reject) => {
          const userId = String(dialect.sqlToQuery(q).params[1]);
          calls.push({ userId, done: (err) => (err ? reject(err) : resolve()) });
          onCall?.();
        }),
    },
    listen: async () => async () => {},
  } as unknown as Database;
  /** Resolves once `n` NOTIFYs have been sent in all. */
  const sent = (n: number) =>
    new Promise<void>((resolve) => {
      const check = () => calls.length >= n && resolve();
      onCall = check;
      check();
    });
  return { database, calls, sent };
}

describe("task events: publishing", () => {
  it("keeps one NOTIFY per user in flight and folds the publishes meanwhile into one more, sent after it", async () => {
    const { database, calls, sent } = fakeDatabase();
    const events = await createTaskEvents(database, createLogger("silent"));
    events.publish("a");
    for (let i = 0; i < 5; i++) events.publish("a");
    events.publish("b"); // another user is not held back
    expect(calls.map((c) => c.userId)).toEqual(["a", "b"]);

    calls[0]!.done();
    await sent(3);
    expect(calls.map((c) => c.userId)).toEqual(["a", "b", "a"]);
    calls[1]!.done();
    calls[2]!.done();
    // Nothing was owed after the second one: the next publish goes out at once, alone.
    await new Promise((r) => setImmediate(r));
    expect(calls).toHaveLength(3);
    events.publish("a");
    expect(calls).toHaveLength(4);
  });

  it("still sends the owed NOTIFY after a failed one", async () => {
    const { database, calls, sent } = fakeDatabase();
    const events = await createTaskEvents(database, createLogger("silent"));
    events.publish("a");
    events.publish("a");
    calls[0]!.done(new Error("connection lost"));
    await sent(2);
    expect(calls.map((c) => c.userId)).toEqual(["a", "a"]);
  });
});
