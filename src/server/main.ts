/**
 * `npm start`: serve on PORT, stop gracefully on SIGTERM/SIGINT (exit 0).
 */
import { ConfigError, loadConfig } from "../config/env.ts";
import { DataDirLockedError } from "../db/data-dir-lock.ts";
import { createLogger } from "./logger.ts";
import { startServer } from "./start.ts";

const logger = createLogger(process.env.LOG_LEVEL === "silent" ? "silent" : "info");

try {
  const config = loadConfig();
  const running = await startServer(process.env, createLogger(config.LOG_LEVEL));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal });
    running.close().then(
      () => process.exit(0),
      (err: Error) => {
        logger.error("shutdown failed", { error: err.message });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
} catch (err) {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    logger.error(err.message);
    process.exit(1);
  }
  throw err;
}
