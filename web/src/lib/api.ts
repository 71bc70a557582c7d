/**
 * The web app's one typed API client: `api(endpoints.createTask, { body })`
 * takes the path parameters, query and body the endpoint's contracts accept
 * and resolves with its contract's parsed answer. Transport (token, refresh,
 * errors, offline) is `api-client.ts`'s.
 */
import type * as z from "zod";
import { apiFetch, apiRequest, parseResponse, type RequestOptions } from "./api-client.ts";
import type { Endpoint } from "./endpoints.ts";

/** `{id}`-style names in a path, but `user_id`: the web always calls as `me`. */
type PathParams<P extends string> = P extends `${string}{${infer N}}${infer Rest}`
  ? (N extends "user_id" ? never : N) | PathParams<Rest>
  : never;

type Input<S> = S extends z.ZodType ? z.input<S> : never;

export type CallArgs<E extends Endpoint> = ([PathParams<E["path"]>] extends [never]
  ? { params?: undefined }
  : { params: Record<PathParams<E["path"]>, string | number> }) &
  (E["body"] extends z.ZodType ? { body: Input<E["body"]> } : { body?: undefined }) &
  (E["query"] extends z.ZodType ? { query?: Input<E["query"]> } : { query?: undefined }) &
  Pick<RequestOptions, "signal" | "keepalive" | "headers" | "accept" | "raw">;

/** The arguments: optional altogether when the endpoint needs no params and no body. */
type ArgList<E extends Endpoint> = Record<string, never> extends CallArgs<E> ? [CallArgs<E>?] : [CallArgs<E>];

type Answer<E extends Endpoint> = E["response"] extends z.ZodType ? z.output<E["response"]> : undefined;

/** Query values as the server reads them: repeated keys for arrays, nothing for undefined. */
function toSearch(query: Record<string, unknown> | undefined): URLSearchParams | undefined {
  if (!query) return undefined;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    for (const item of Array.isArray(v) ? (v as unknown[]) : [v]) {
      if (item === undefined || item === null) continue;
      q.append(k, typeof item === "string" ? item : JSON.stringify(item));
    }
  }
  return q;
}

/** The URL of one call (also for `fetch(…, { keepalive })` on page unload). */
export function urlOf<E extends Endpoint>(e: E, params?: Record<PathParams<E["path"]>, string | number>): string {
  return e.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === "user_id"
      ? "me"
      : encodeURIComponent(String((params as Record<string, string | number> | undefined)?.[name] ?? "")),
  );
}

function options<E extends Endpoint>(e: E, args: CallArgs<E>): RequestOptions {
  return {
    method: e.method,
    body: args.body,
    query: toSearch(args.query as Record<string, unknown> | undefined),
    signal: args.signal,
    keepalive: args.keepalive,
    headers: args.headers,
    accept: args.accept,
    raw: args.raw,
  };
}

/** One call whose JSON answer (if the endpoint has one) is checked with its contract. */
export async function api<E extends Endpoint>(e: E, ...[args]: ArgList<E>): Promise<Answer<E>> {
  const a = (args ?? {}) as CallArgs<E>;
  const value = await apiRequest(urlOf(e, a.params), options(e, a));
  return (e.response ? parseResponse(e.response, value) : undefined) as Answer<E>;
}

/** One call resolved with the `Response` itself (streams, downloads); failures are `ApiError`s. */
export function apiResponse<E extends Endpoint>(e: E, ...[args]: ArgList<E>): Promise<Response> {
  const a = (args ?? {}) as CallArgs<E>;
  return apiFetch(urlOf(e, a.params), options(e, a));
}
