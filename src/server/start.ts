/**
 * Starts Tickler on a port: listens first (so PORT=0 learns its real port and
 * public URL), then opens the database and mounts the app. On close it stops
 * accepting, lets in-flight requests and streams finish (bounded), then closes
 * the database.
 */
import type { AddressInfo } from "node:net";
import { serve, type HttpBindings, type ServerType } from "@hono/node-server";
import { loadConfig, type Config } from "../config/env.ts";
import { createTickler, type Tickler, type TicklerOverrides } from "./create-app.ts";
import { createLogger, type Logger } from "../http/logger.ts";

export interface RunningServer {
  url: string;
  port: number;
  tickler: Tickler;
  /** Graceful stop: drain for at most `graceMs`, then close the database. */
  close(graceMs?: number): Promise<void>;
}

export async function startServer(
  env: Record<string, string | undefined> = process.env,
  logger: Logger = createLogger(loadConfig(env).LOG_LEVEL),
  overrides: TicklerOverrides = {},
): Promise<RunningServer> {
  const initial = loadConfig(env);
  // `bindings` carries the socket (client IP for rate limits, see client-ip.ts).
  let handler: ((req: Request, bindings: HttpBindings) => Response | Promise<Response>) | undefined;
  const server: ServerType = serve({
    fetch: (req, bindings) =>
      handler
        ? handler(req, bindings as HttpBindings)
        : Response.json({ error: { code: "starting", message: "Tickler is starting" } }, { status: 503 }),
    port: initial.PORT,
    hostname: initial.HOST,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  // Without PUBLIC_URL the server names itself by 127.0.0.1, and a browser on localhost or [::1]
  // (what people type, and what the README says) must be a trusted origin too.
  const config: Config = initial.PUBLIC_URL
    ? initial
    : loadConfig({
        ...env,
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        TRUSTED_ORIGINS: [...initial.TRUSTED_ORIGINS, `http://localhost:${port}`, `http://[::1]:${port}`].join(","),
      });
  let tickler: Tickler;
  try {
    tickler = await createTickler(config, logger, overrides);
  } catch (err) {
    server.close();
    throw err;
  }
  handler = (req, bindings) => tickler.app.fetch(req, bindings);
  logger.info("tickler listening", { url: config.publicUrl, port, role: config.role, database: tickler.database.kind });

  let closing: Promise<void> | undefined;
  return {
    url: config.publicUrl,
    port,
    tickler,
    close: (graceMs = 10_000) =>
      (closing ??= (async () => {
        tickler.drain();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Idle keep-alive sockets would hold close() open; busy ones get the grace period.
        (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        const timer = setTimeout(() => (server as { closeAllConnections?: () => void }).closeAllConnections?.(), graceMs);
        await closed;
        clearTimeout(timer);
        await tickler.close();
      })()),
  };
}
