/**
 * Cross-cutting HTTP middleware: the per-request log line (and request id in
 * every log line of the request), security headers with a strict CSP, and
 * CORS that is closed unless CORS_ORIGINS opens it.
 */
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import type { Config } from "../config/env.ts";
import type { Logger } from "../http/logger.ts";
import { requestContext } from "../http/request-context.ts";

/** Path segments that are credentials themselves (reset links): never logged. */
const SECRET_PATHS = [/^(\/api\/auth\/reset-password\/)[^/]+/];
const redactPath = (path: string) => SECRET_PATHS.reduce((p, re) => p.replace(re, "$1:token"), path);

/**
 * One JSON line per request: id, method, path (no query string), status, ms
 * (to the response head; streams go on after). Never headers, cookies or bodies.
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return createMiddleware(async function requestLog(c, next) {
    const requestId = c.get("requestId" as never) as string;
    const started = performance.now();
    await requestContext.run({ requestId }, () => next());
    const status = c.res.status;
    const line = { request_id: requestId, method: c.req.method, path: redactPath(c.req.path), status, ms: Math.round(performance.now() - started) };
    if (status >= 500) logger.warn("request", line);
    else logger.info("request", line);
  });
}

/**
 * Sources the optional ChatKit widget needs (CHATKIT_DOMAIN_KEY): its script
 * and frames come from OpenAI's CDN, its API calls go to OpenAI. Verify against
 * OpenAI's ChatKit docs when upgrading; nothing else widens the policy.
 */
export const CHATKIT_CSP_SOURCES = {
  scriptSrc: ["https://cdn.platform.openai.com"],
  frameSrc: ["https://cdn.platform.openai.com"],
  connectSrc: ["https://api.openai.com"],
} as const;

/** The API reference page (src/server/api-docs.ts): the only page with a looser policy, see below. */
export const API_DOCS_PAGE = "/api/docs";
type CspSources = { readonly scriptSrc: readonly string[]; readonly frameSrc: readonly string[]; readonly connectSrc: readonly string[] };
const NO_SOURCES: CspSources = { scriptSrc: [], frameSrc: [], connectSrc: [] };

export function securityHeaders(config: Config, opts: { chatkit: boolean }): MiddlewareHandler {
  const app = policy(config, opts.chatkit ? CHATKIT_CSP_SOURCES : NO_SOURCES, ["'self'"]);
  // Scalar (the bundled API reference) sets style attributes and injects <style> at run time, which
  // 'self' alone blocks. Scripts stay 'self' only (no inline, no eval, no CDN); connections stay 'self'.
  const docs = policy(config, NO_SOURCES, ["'self'", "'unsafe-inline'"]);
  return (c, next) => (c.req.path === API_DOCS_PAGE ? docs(c, next) : app(c, next));
}

function policy(config: Config, extra: CspSources, styleSrc: string[]): MiddlewareHandler {
  return secureHeaders({
    // No inline scripts, no eval: the built index.html loads only files from 'self'.
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", ...extra.scriptSrc],
      styleSrc,
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'", ...extra.connectSrc],
      fontSrc: ["'self'"],
      frameSrc: extra.frameSrc.length > 0 ? [...extra.frameSrc] : ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    xContentTypeOptions: "nosniff",
    // HSTS only means something (and is only safe to pin) when we are served over https.
    strictTransportSecurity: config.publicUrl.startsWith("https://") ? "max-age=31536000; includeSubDomains" : false,
  });
}

/** CORS for the API and MCP: Bearer tokens only (no cookies), to the listed origins. */
export function apiCors(config: Config): MiddlewareHandler | undefined {
  if (config.CORS_ORIGINS.length === 0) return undefined; // closed: browsers block cross-origin reads
  return cors({
    origin: config.CORS_ORIGINS,
    allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    allowHeaders: ["Authorization", "Content-Type", "X-Request-Id", "X-Time-Zone", "Last-Event-ID", "Idempotency-Key", "Mcp-Session-Id", "Mcp-Protocol-Version"],
    exposeHeaders: ["X-Request-Id", "Retry-After", "Location", "Idempotent-Replayed", "WWW-Authenticate", "Mcp-Session-Id", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"],
    credentials: false,
    maxAge: 600,
  });
}
