import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./client.ts";

const rowsOf = async (database: Database, query: ReturnType<typeof sql>) =>
  ((await database.db.execute<Record<string, unknown>>(query)) as { rows: Record<string, unknown>[] }).rows;

// The same behaviour on a worker thread (the default) as in the caller's thread.
describe.each([
  ["on a worker thread", true],
  ["in the caller's thread", false],
])("PGlite %s", (_name, pgliteThread) => {
  let database: Database;
  const open = async () => {
    database = await openDatabase({ dataDir: "memory://", pgliteThread });
    await database.db.execute(
      sql`create table t (id serial primary key, name text unique, at timestamptz, day date, doc jsonb, data bytea)`,
    );
    return database;
  };
  afterEach(async () => database?.close().catch(() => {}));

  it("returns values as Drizzle's PGlite driver asks for them: timestamps and dates as text, JSON and bytes parsed", async () => {
    await open();
    await database.db.execute(
      sql`insert into t (name, at, day, doc, data) values ('a', '2026-12-04T10:00:00Z', '2026-12-05', '{"k":[1,"é"]}', '\\x00ff')`,
    );
    const [row] = await rowsOf(database, sql`select id, name, at, day, doc, data from t`);
    expect(row).toEqual({
      id: 1,
      name: "a",
      at: "2026-12-04 10:00:00+00",
      day: "2026-12-05",
      doc: { k: [1, "é"] },
      data: new Uint8Array([0, 255]),
    });
  });

  it("commits a transaction, rolls back a failed one, and runs other queries only after it ends", async () => {
    await open();
    let release!: () => void;
    let inserted!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const insertDone = new Promise<void>((r) => (inserted = r));
    const tx = database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into t (name) values ('inside')`);
      inserted();
      await held;
    });
    await insertDone; // the transaction holds the database
    let outsideDone = false;
    const outside = rowsOf(database, sql`select name from t`).finally(() => (outsideDone = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(outsideDone).toBe(false);
    release();
    await tx;
    expect(await outside).toEqual([{ name: "inside" }]);

    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into t (name) values ('rolled back')`);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await rowsOf(database, sql`select name from t order by id`)).toEqual([{ name: "inside" }]);
  });

  it("gives a failed statement's SQLSTATE and fields, and goes on answering", async () => {
    await open();
    await database.db.execute(sql`insert into t (name) values ('taken')`);
    const err = await database.db.execute(sql`insert into t (name) values ('taken')`).catch((e: unknown) => e);
    const cause = (err as { cause?: { code?: string; constraint?: string } }).cause;
    expect(cause).toMatchObject({ code: "23505", constraint: "t_name_key" });
    await expect(rowsOf(database, sql`select count(*)::int as n from t`)).resolves.toEqual([{ n: 1 }]);
  });

  it("delivers NOTIFY to a listener until it unlistens", async () => {
    await open();
    const got: string[] = [];
    const unlisten = await database.listen("changes", (payload) => got.push(payload));
    await database.db.execute(sql`select pg_notify('changes', 'one')`);
    await expect.poll(() => got).toEqual(["one"]);
    await unlisten();
    await database.db.execute(sql`select pg_notify('changes', 'two')`);
    await database.ping(); // a round trip after the NOTIFY: it would have arrived by now
    expect(got).toEqual(["one"]);
  });

  it("refuses queries once closed", async () => {
    await open();
    await database.close();
    await expect(database.ping()).rejects.toThrow(/closed/i);
  });
});
