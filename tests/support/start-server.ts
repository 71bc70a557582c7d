/**
 * Starts the real server on an ephemeral port with a fresh database, for tests
 * where the network is the point (browser, SSE, MCP client, split mode).
 */
import { startServer, type RunningServer } from "../../src/server/start.ts";
import { loadConfig } from "../../src/config/env.ts";
import { createLogger, type Logger } from "../../src/http/logger.ts";
import { createMailer } from "../../src/issuer/mailer.ts";
import { createMailbox, registerMailbox, type Mailbox } from "./mailbox.ts";
import { RAISED_LIMITS } from "./limits.ts";
import { createTestDatabase } from "./test-db.ts";
import { TEST_SECRET } from "./test-app.ts";

export interface TestServer {
  url: string;
  server: RunningServer;
  /** What the server mailed (sign-up helpers follow its verification links). */
  mailbox: Mailbox;
  close(): Promise<void>;
}

export interface StartTestServerOptions {
  /** Where the server logs (default: nowhere), e.g. to read a password-reset email written to the log. */
  logger?: Logger;
}

export async function startTestServer(env: Record<string, string> = {}, options: StartTestServerOptions = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const fullEnv = {
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    BETTER_AUTH_SECRET: TEST_SECRET,
    LOG_LEVEL: "silent",
    ...RAISED_LIMITS,
    ...database.env,
    ...env,
  };
  const logger = options.logger ?? createLogger("silent");
  const mailbox = createMailbox();
  const mailer = mailbox.wrap(await createMailer(loadConfig(fullEnv), logger));
  const server = await startServer(fullEnv, logger, { mailer });
  const unregister = registerMailbox(server.url, mailbox);
  return {
    url: server.url,
    server,
    mailbox,
    close: async () => {
      unregister();
      await server.close(2_000);
      await database.drop();
    },
  };
}

/**
 * `startServer` as a test that owns its environment calls it (a fixed data dir
 * across a restart, replicas), with a recording mailbox under its URL so
 * sign-ups can follow the verification link the server mails.
 */
export async function startRecordingServer(env: Record<string, string>, mailbox: Mailbox = createMailbox(), logger: Logger = createLogger("silent")): Promise<RunningServer> {
  const mailer = mailbox.wrap(await createMailer(loadConfig(env), logger));
  const server = await startServer(env, logger, { mailer });
  const unregister = registerMailbox(server.url, mailbox);
  return {
    ...server,
    close: async (...args: Parameters<RunningServer["close"]>) => {
      unregister();
      await server.close(...args);
    },
  };
}
