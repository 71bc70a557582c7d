/**
 * Structured JSON logs, one object per line, through pino: `level` as a word,
 * `time` as ISO 8601, and `request_id` on every line written while serving a
 * request (a mixin reads it from the request context, so Better Auth's and the
 * mailer's lines carry it too). Stdout is written asynchronously (sonic-boom;
 * pino flushes it on exit) — no worker-thread transport, which would not
 * survive bundling. Never pass tokens, passwords or cookies: fields are
 * written as given.
 */
import { pino, type DestinationStream } from "pino";
import { currentRequestId } from "./request-context.ts";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

/** The small surface the rest of the code uses; pino stays behind it. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

// One async stdout stream per process, however many loggers are made.
let stdout: DestinationStream | undefined;
const stdoutStream = () => (stdout ??= pino.destination({ dest: 1, sync: false }));

/**
 * @param write where lines go instead of stdout (tests collect them); called once per line,
 *   synchronously.
 */
export function createLogger(level: LogLevel = "info", write?: (line: string) => unknown): Logger {
  const log = pino(
    {
      level,
      base: undefined, // no pid/hostname on every line
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Explicit fields win over the context (pino merges the call's object last).
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { request_id: requestId } : {};
      },
    },
    write ? { write } : stdoutStream(),
  );
  const at = (fn: pino.LogFn) => (msg: string, fields?: Record<string, unknown>) => (fields ? fn.call(log, fields, msg) : fn.call(log, msg));
  return { debug: at(log.debug), info: at(log.info), warn: at(log.warn), error: at(log.error) };
}
