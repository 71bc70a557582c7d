/**
 * `npm start`: serve on PORT, stop gracefully on SIGTERM/SIGINT (exit 0).
 */
import { ConfigError, loadConfig } from "../config/env.ts";
import { DataDirLockedError } from "../db/data-dir-lock.ts";
import { createLogger } from "../http/logger.ts";
import { startServer, type RunningServer } from "./start.ts";

const logger = createLogger(process.env.LOG_LEVEL === "silent" ? "silent" : "info");

let starting: Promise<RunningServer> | undefined;
let stopping = false;
// Handlers go in first: a signal that arrives during start-up still ends cleanly.
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info("shutting down", { signal });
  (starting ?? Promise.reject(new Error("not started")))
    .then((running) => running.close())
    .then(
      () => process.exit(0),
      (err: Error) => {
        logger.error("shutdown failed", { error: err.message });
        process.exit(1);
      },
    );
};
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

try {
  const config = loadConfig();
  starting = startServer(process.env, createLogger(config.LOG_LEVEL));
  await starting;
} catch (err) {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) logger.error(err.message);
  // e.g. DATABASE_URL unreachable: one clear line, not an unhandled rejection.
  else logger.error("Tickler could not start", { error: (err as Error).message, code: (err as { code?: string }).code });
  process.exit(1);
}
