/** Named statements against the local PostgreSQL server (skipped when none answers). */
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { ADMIN_URL, postgresAvailable } from "../support/test-db.ts";
import { namedStatementClient } from "../../src/db/named-statements.ts";

const available = await postgresAvailable();
let pool: pg.Pool | undefined;
afterEach(() => pool?.end());

const prepared = async (client: pg.PoolClient) =>
  (await client.query<{ name: string }>("select name from pg_prepared_statements order by name")).rows.map(
    (r) => r.name,
  );

describe.skipIf(!available)("named statements on the pg pool", () => {
  it("prepares each text once per connection and runs it with any values", async () => {
    pool = new pg.Pool({ Client: namedStatementClient(pg.Client), connectionString: ADMIN_URL, max: 1 });
    const client = await pool.connect();
    try {
      const sum = { text: "select $1::int + $2::int as n" };
      expect((await client.query({ ...sum, values: [1, 2] })).rows).toEqual([{ n: 3 }]);
      expect((await client.query({ ...sum, values: [40, 2] })).rows).toEqual([{ n: 42 }]);
      await client.query({ text: "select $1::text as s", values: ["other"] });
      const names = await prepared(client);
      expect(names).toHaveLength(2);
      for (const name of names) expect(name).toMatch(/^t_[\w-]{24}$/);
      // A string query and a query that names itself pass through untouched.
      await client.query("select 1");
      await client.query({ name: "mine", text: "select 2" });
      expect(await prepared(client)).toEqual([...names, "mine"].sort());
    } finally {
      client.release();
    }
  });

  it("leaves statements unnamed past the cap", async () => {
    pool = new pg.Pool({ Client: namedStatementClient(pg.Client, 2), connectionString: ADMIN_URL, max: 1 });
    const client = await pool.connect();
    try {
      for (let i = 0; i < 5; i++)
        expect((await client.query({ text: `select $1::int + ${i} as n`, values: [1] })).rows).toEqual([{ n: 1 + i }]);
      expect(await prepared(client)).toHaveLength(2);
    } finally {
      client.release();
    }
  });
});
