/**
 * Several Tickler apps in one test process on one fresh PostgreSQL database, as
 * replicas would run: `start(n)` starts n at once (more may follow later, on
 * the same database); all are closed and the database dropped after the file.
 */
import { afterAll } from "vitest";
import { loadConfig } from "../../src/config/env.ts";
import { createLogger } from "../../src/http/logger.ts";
import { createTickler, type Tickler } from "../../src/server/create-app.ts";
import { TEST_ENV } from "./test-app.ts";
import { createTestDatabase, type TestDatabase } from "./test-db.ts";

export function useReplicas(): { start(n: number): Promise<Tickler[]> } {
  let db: TestDatabase | undefined;
  const replicas: Tickler[] = [];
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
    await db?.drop();
  });
  return {
    async start(n) {
      db ??= await createTestDatabase();
      const config = loadConfig({ ...TEST_ENV, ...db.env });
      const started = await Promise.all(Array.from({ length: n }, () => createTickler(config, createLogger("silent"))));
      replicas.push(...started);
      return started;
    },
  };
}
