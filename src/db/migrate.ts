/**
 * Applies the committed drizzle-kit migrations at start-up. Idempotent; on a
 * shared PostgreSQL server an advisory lock serialises replicas starting together.
 */
import { fileURLToPath } from "node:url";
import type { Database } from "./client.ts";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));
/** Any constant; names the lock in pg_locks. */
const MIGRATION_LOCK = 7_246_013;

export async function migrateDatabase(database: Database): Promise<void> {
  const { migrate } =
    database.kind === "pglite"
      ? await import("drizzle-orm/pglite/migrator")
      : await import("drizzle-orm/node-postgres/migrator");
  await database.withLock(MIGRATION_LOCK, () => migrate(database.db as never, { migrationsFolder }));
}
