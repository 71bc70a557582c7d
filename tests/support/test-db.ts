/**
 * A fresh database for one test file: in-memory PGlite, or (TEST_DB=postgres) a
 * new database on the local PostgreSQL server, dropped by `drop()`.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.TEST_DB !== "postgres") return { env: { DATA_DIR: "memory://" }, drop: async () => {} };
  return createPostgresTestDatabase();
}

/** A new database on the local PostgreSQL server whatever TEST_DB says (process and fault tests). */
export async function createPostgresTestDatabase(): Promise<TestDatabase & { name: string; url: string }> {
  const name = `tickler_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    env: { DATABASE_URL: url.toString(), DATA_DIR: "memory://" },
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Whether the local PostgreSQL server answers (tests that need it skip otherwise). */
export async function postgresAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 1_000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}
