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

export interface Replicas {
  start(n: number): Promise<Tickler[]>;
  stop(replica: Tickler): Promise<void>;
  /** The replicas started and not stopped. */
  running(): Tickler[];
  /** The database's URL (after the first start), to change it while no replica runs. */
  databaseUrl(): string;
  /** What any replica mailed (verification links for sign-ups). */
  mailbox: Mailbox;
}

export function useReplicas(): Replicas {
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
    running: () => [...replicas],
    databaseUrl: () => db!.env.DATABASE_URL!,
    /** Closes one replica (as a graceful shutdown would) before the file ends. */
    async stop(replica) {
      replicas.splice(replicas.indexOf(replica), 1);
      replica.drain();
      await replica.close();
    },
  };
}
