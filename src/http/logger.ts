/**
 * Structured JSON logs, one object per line. Never pass tokens, passwords or
 * cookies here: fields are written as given.
 */
import { currentRequestId } from "./request-context.ts";

type Level = "debug" | "info" | "warn" | "error";
const ORDER = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 } as const;

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: keyof typeof ORDER = "info", write: (line: string) => unknown = (line) => process.stdout.write(line)): Logger {
  const min = ORDER[level];
  const at =
    (lvl: Level) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[lvl] < min) return;
      // Inside a request, the line names it (explicit fields win).
      const requestId = currentRequestId();
      const context = requestId ? { request_id: requestId } : {};
      write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...context, ...fields })}\n`);
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
