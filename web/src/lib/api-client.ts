/**
 * Fetch wrapper for the Bearer-only task API: attaches the in-memory JWT, refreshes
 * once and retries when the API says the token is expired or invalid, and turns
 * every failure into an `ApiError` carrying the server's `{error:{code,message}}`.
 */
import type * as z from "zod";
import { AUTH_RETRYABLE_CODES, ErrorBody } from "#contracts/error.ts";
import { isOfflineStatus, markServerOffline, markServerOnline } from "./connectivity.ts";
import { SessionExpiredError, TokenUnavailableError, tokens } from "./token.ts";
import { beginWrite } from "./writes-in-flight.ts";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const RETRYABLE_AUTH_CODES: ReadonlySet<string> = new Set(AUTH_RETRYABLE_CODES);

export interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: URLSearchParams;
  signal?: AbortSignal;
  keepalive?: boolean;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
  /** Accept header (default application/json); `text/event-stream` for streams. */
  accept?: string;
  /** A body sent as it is (an import file, a voice recording) instead of `body` as JSON. */
  raw?: { text: string | Blob; type: string };
}

/**
 * What a person reads: a validation failure names the field in the contract's own words
 * ("Title must be at most 200 characters."), not the wire path ("body title: …").
 */
export function humanMessage(code: string, message: string, details: unknown): string {
  if (code !== "validation_failed" || !Array.isArray(details)) return message;
  const first: unknown = details[0];
  const text =
    first && typeof first === "object" && "message" in first && typeof first.message === "string" ? first.message : "";
  if (!text) return message;
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** A request worth sending again as it is: the server or the network failed, not the request. */
export const isRetryable = (err: unknown): boolean =>
  err instanceof ApiError && (err.status >= 500 || err.status === 429 || err.status === 0);

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON: fall through to a generic message */
  }
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(res.status, code, humanMessage(code, message, details), details);
  }
  const message =
    res.status >= 500 ? "The server had a problem. Try again in a moment." : res.statusText || "Request failed";
  return new ApiError(res.status, `http_${res.status}`, message);
}

function networkError(err: unknown): ApiError {
  if (err instanceof DOMException && err.name === "AbortError") throw err;
  return new ApiError(0, "network_error", "Can't reach the server. Check your connection and try again.");
}

async function getToken(force: boolean): Promise<string> {
  try {
    return force ? await tokens.refresh() : await tokens.get();
  } catch (err) {
    if (err instanceof SessionExpiredError) {
      throw new ApiError(401, "session_expired", "Your session has ended. Please sign in again.");
    }
    if (err instanceof TokenUnavailableError) {
      markServerOffline();
      throw new ApiError(0, "network_error", "Can't reach the server. Check your connection and try again.");
    }
    throw err;
  }
}

/**
 * Sends one API request and resolves with the successful `Response` (body unread),
 * e.g. for streams; failures become `ApiError`s.
 */
export async function apiFetch(path: string, opts: RequestOptions = {}): Promise<Response> {
  const url = opts.query && [...opts.query].length ? `${path}?${opts.query}` : path;
  const send = async (token: string) => {
    const headers: Record<string, string> = {
      ...opts.headers,
      Authorization: `Bearer ${token}`,
      Accept: opts.accept ?? "application/json",
    };
    if (opts.body !== undefined) headers["Content-Type"] = "application/json";
    if (opts.raw) headers["Content-Type"] = opts.raw.type;
    try {
      const res = await fetch(url, {
        method: opts.method ?? "GET",
        headers,
        body: opts.raw ? opts.raw.text : opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: opts.signal,
        keepalive: opts.keepalive,
        credentials: "omit", // the task API accepts Bearer tokens only
      });
      if (isOfflineStatus(res.status)) markServerOffline();
      else markServerOnline();
      return res;
    } catch (err) {
      if (!(err instanceof DOMException && err.name === "AbortError")) markServerOffline();
      throw networkError(err);
    }
  };

  let token = await getToken(false);
  let res = await send(token);
  if (res.status === 401) {
    const first = await toApiError(res);
    if (!RETRYABLE_AUTH_CODES.has(first.code)) throw first;
    tokens.invalidate(token);
    token = await getToken(true);
    res = await send(token);
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

/** Sends one API request; resolves with the parsed JSON (or `undefined` for 204). */
export async function apiRequest(path: string, opts: RequestOptions = {}): Promise<unknown> {
  const endWrite = (opts.method ?? "GET") === "GET" ? null : beginWrite();
  try {
    const res = await apiFetch(path, opts);
    if (res.status === 204) return undefined;
    try {
      return await res.json();
    } catch {
      throw new ApiError(res.status, "invalid_response", "The server sent an unreadable response.");
    }
  } finally {
    endWrite?.();
  }
}

/** Checks a response body against its contract, so a server/web drift fails loudly instead of rendering garbage. */
export function parseResponse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ApiError(200, "invalid_response", "The server sent data this app doesn't understand.");
  return r.data;
}

/** One API request whose JSON answer is read with its contract. */
export async function apiJson<S extends z.ZodType>(
  schema: S,
  path: string,
  opts: RequestOptions = {},
): Promise<z.output<S>> {
  return parseResponse(schema, await apiRequest(path, opts));
}
