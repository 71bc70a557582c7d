/**
 * The single place where errors become HTTP: domain kinds map to statuses, and
 * everything renders as `{ error: { code, message, details?, request_id } }`.
 * Unknown errors are logged with the request id and answered without internals.
 * Layers above add their own rows as `ErrorRenderer`s (see resource/jwks-errors.ts).
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DomainError, type DomainErrorKind } from "../domain/errors.ts";
import type { Logger } from "./logger.ts";
import { originalStack } from "./original-stack.ts";

const STATUS: Record<DomainErrorKind, ContentfulStatusCode> = {
  invalid: 422,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  limited: 429,
  unavailable: 503,
};

/** An error that already knows its HTTP status (thrown by middleware and validators). */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorJson(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  details?: unknown,
  headers: Record<string, string> = {},
) {
  const request_id = c.get("requestId" as never) as string | undefined;
  const error = { code, message, ...(details === undefined ? {} : { details }), ...(request_id ? { request_id } : {}) };
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  return c.json({ error }, status);
}

/** Postgres and driver errors that mean "the database is not reachable right now". */
function isDatabaseDown(err: unknown): boolean {
  const e = err as { code?: string; message?: string; cause?: unknown } | undefined;
  if (!e) return false;
  const code = e.code ?? "";
  if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "53300", "08006", "08001", "08003"].includes(code)) return true;
  if (/Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect|PGlite is closed/i.test(e.message ?? "")) return true;
  return e.cause !== undefined && e.cause !== err && isDatabaseDown(e.cause);
}

/** SQLSTATEs that mean "this input cannot be stored" (NUL in text, values out of range). */
const INPUT_SQLSTATES = new Set(["22021", "22P05", "22003", "22008"]);

function sqlState(err: unknown, depth = 0): string | undefined {
  const e = err as { code?: unknown; cause?: unknown } | undefined;
  if (!e || depth > 5) return undefined;
  if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  return e.cause !== err ? sqlState(e.cause, depth + 1) : undefined;
}

/** Errors thrown by our own code (not the driver's): a transaction that ends with one rolled back cleanly. */
export const isApplicationError = (err: unknown): boolean => err instanceof DomainError || err instanceof HttpError;

/**
 * Renders an error this module cannot know about (e.g. the resource server's
 * JWKS outage), or returns undefined to pass it on. Lets a layer above add a
 * row to the table without this layer importing it.
 */
export type ErrorRenderer = (err: Error, c: Context) => Response | undefined;

export function createErrorHandler(logger: Logger, renderers: readonly ErrorRenderer[] = []) {
  return (err: Error, c: Context) => {
    if (err instanceof HttpError) return errorJson(c, err.status, err.code, err.message, err.details, err.headers);
    if (err instanceof DomainError) return errorJson(c, STATUS[err.kind], err.code, err.message, err.details);
    for (const render of renderers) {
      const res = render(err, c);
      if (res) return res;
    }
    if (isDatabaseDown(err)) {
      logger.error("database unavailable", { request_id: c.get("requestId" as never), error: err.message });
      return errorJson(c, 503, "database_unavailable", "the database is unavailable; try again shortly", undefined, {
        "retry-after": "2",
      });
    }
    const state = sqlState(err);
    if (state && INPUT_SQLSTATES.has(state)) {
      // A validation gap, not an outage: the client can fix the input. Logged so the gap gets closed.
      logger.warn("input refused by the database", { request_id: c.get("requestId" as never), sqlstate: state });
      return errorJson(c, 422, "invalid_input", "the input contains a value that cannot be stored");
    }
    const status = (err as { status?: number }).status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      // e.g. Hono's own HTTPException for a malformed request
      return errorJson(c, status as ContentfulStatusCode, "bad_request", err.message || "bad request");
    }
    logger.error("unhandled error", {
      request_id: c.get("requestId" as never),
      method: c.req.method,
      path: c.req.path,
      error: err.message,
      stack: originalStack(err.stack),
    });
    return errorJson(c, 500, "internal_error", "something went wrong on our side");
  };
}
