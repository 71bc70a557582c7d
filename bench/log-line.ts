/**
 * Child process of bench/logging.ts: writes N request log lines the way the
 * request log does (inside a request context, through the pino logger, to
 * stdout — redirected to a file by the parent) and prints the CPU it took, in
 * µs per line, on stderr. Run once with LOG_LEVEL=info and once with silent;
 * the difference is what one line costs.
 */
import { setImmediate as yieldToIo } from "node:timers/promises";
import { createLogger, type LogLevel } from "../src/http/logger.ts";
import { requestContext } from "../src/http/request-context.ts";

const N = Number(process.env.LINES ?? 100_000);
const logger = createLogger((process.env.LOG_LEVEL ?? "info") as LogLevel);
const write = (i: number) => {
  const requestId = crypto.randomUUID();
  requestContext.run({ requestId }, () =>
    logger.info("request", { request_id: requestId, method: "GET", path: "/api/me/tasks", status: 200, ms: i % 40 }),
  );
};
for (let i = 0; i < 5_000; i++) write(i); // warm the JIT
await yieldToIo();
const started = process.cpuUsage();
for (let i = 0; i < N; i++) {
  write(i);
  if (i % 500 === 0) await yieldToIo(); // let the async stream write, as between requests
}
await new Promise((r) => setTimeout(r, 200)); // the stream's last writes
const used = process.cpuUsage(started);
process.stderr.write(`${JSON.stringify({ usPerLine: (used.user + used.system) / N })}\n`);
