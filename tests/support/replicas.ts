/**
 * Several Tickler apps in one test process on one fresh PostgreSQL database, as
 * replicas would run: `start(n)` starts n at once (more may follow later, on
 * the same database); all are closed and the database dropped after the file.
 */
import { afterAll } from "vitest";
import { loadConfig } from "../../src/config/env.ts";
import { createLogger } from "../../src/http/logger.ts";
import { createTickler, type Tickler } from "../../src/server/create-app.ts";
import { createMailer } from "../../src/issuer/mailer.ts";
import { createMailbox, type Mailbox } from "./mailbox.ts";
import { TEST_ENV } from "./test-app.ts";
import { createTestDatabase, type TestDatabase } from "./test-db.ts";

export function useReplicas(): { start(n: number): Promise<Tickler[]>; mailbox: Mailbox } {
  let db: TestDatabase | undefined;
  /** What any replica mailed (verification links for sign-ups). */
  const mailbox = createMailbox();
  const replicas: Tickler[] = [];
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
    await db?.drop();
  });
  return {
    mailbox,
    async start(n) {
      db ??= await createTestDatabase();
      const config = loadConfig({ ...TEST_ENV, ...db.env });
      const logger = createLogger("silent");
      const mailer = mailbox.wrap(await createMailer(config, logger));
      const started = await Promise.all(Array.from({ length: n }, () => createTickler(config, logger, { mailer })));
      replicas.push(...started);
      return started;
    },
  };
}
