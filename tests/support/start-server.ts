/**
 * Starts the real server on an ephemeral port with a fresh database, for tests
 * where the network is the point (browser, SSE, MCP client, split mode).
 */
import { startServer, type RunningServer } from "../../src/server/start.ts";
import { createLogger, type Logger } from "../../src/http/logger.ts";
import { RAISED_LIMITS } from "./limits.ts";
import { createTestDatabase } from "./test-db.ts";
import { TEST_SECRET } from "./test-app.ts";

export interface TestServer {
  url: string;
  server: RunningServer;
  close(): Promise<void>;
}

export interface StartTestServerOptions {
  /** Where the server logs (default: nowhere), e.g. to read a password-reset email written to the log. */
  logger?: Logger;
}

export async function startTestServer(env: Record<string, string> = {}, options: StartTestServerOptions = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const server = await startServer(
    {
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      BETTER_AUTH_SECRET: TEST_SECRET,
      LOG_LEVEL: "silent",
      ...RAISED_LIMITS,
      ...database.env,
      ...env,
    },
    options.logger ?? createLogger("silent"),
  );
  return {
    url: server.url,
    server,
    close: async () => {
      await server.close(2_000);
      await database.drop();
    },
  };
}
