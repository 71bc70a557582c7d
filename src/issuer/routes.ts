/**
 * The issuer's HTTP surface: Better Auth under /api/auth/*, and the JWKS also at
 * /.well-known/jwks.json. JWKS responses may be cached briefly: a rotated key
 * must reach verifiers within a minute. The OAuth authorization server's
 * metadata sits at the root (RFC 8414), as MCP clients look for it there.
 */
import { oauthProviderAuthServerMetadata } from "@better-auth/oauth-provider";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { errorJson } from "../http/errors.ts";
import type { Auth } from "./auth.ts";
import { authGuard, normalizeRateLimited, type AuthGuardOptions } from "./auth-guard.ts";
import { hideUnverified } from "./email-verification.ts";
import { withErrorShape } from "./error-shape.ts";
import { OAUTH_PUBLIC_PATHS } from "./oauth.ts";
import { AUTH_DELAY_HEADER } from "./sign-in-limits.ts";

export const JWKS_CACHE_CONTROL = "public, max-age=60";
export const AUTH_SERVER_METADATA_PATH = "/.well-known/oauth-authorization-server";

/** Endpoints an MCP client in a browser (the Inspector) calls cross-origin: no cookies, so any origin. */
const OAUTH_CORS_PATHS = [AUTH_SERVER_METADATA_PATH, `${AUTH_SERVER_METADATA_PATH}/*`, "/api/auth/oauth2/token", "/api/auth/oauth2/register", "/api/auth/oauth2/revoke"];

/** Better Auth endpoints that end sessions (their tokens are then revoked, see src/resource/revocations.ts). */
const ENDS_SESSIONS = /^\/api\/auth\/(sign-out|revoke-session|revoke-sessions|revoke-other-sessions|change-password|reset-password|delete-user)(\/|$)/;

/**
 * `sessionsEnded` runs after such an endpoint answered and before the answer is
 * sent: it waits until this replica refuses the ended sessions' tokens.
 */
export function issuerRoutes(auth: Auth, guardOptions: AuthGuardOptions, sessionsEnded: () => Promise<void> = async () => {}) {
  const app = new Hono();
  const jwks = async () => {
    const body = await auth.api.getJwks();
    return new Response(JSON.stringify(body), {
      headers: { "content-type": "application/json", "cache-control": JWKS_CACHE_CONTROL },
    });
  };
  app.get("/.well-known/jwks.json", jwks);
  app.get("/api/auth/jwks", jwks);

  const openCors = cors({ origin: "*", allowMethods: ["GET", "POST"], allowHeaders: ["content-type", "authorization", "mcp-protocol-version"] });
  for (const path of OAUTH_CORS_PATHS) app.use(path, openCors);
  // The issuer is the origin, so the path-suffixed form (RFC 8414 §3.1) is the root one; the
  // /api/auth suffix answers clients that take Better Auth's base path for the issuer.
  const metadata = oauthProviderAuthServerMetadata(auth);
  for (const path of [AUTH_SERVER_METADATA_PATH, `${AUTH_SERVER_METADATA_PATH}/api/auth`]) app.get(path, (c) => metadata(c.req.raw));

  // The provider's administrative API (client CRUD, resources, consent edits) has no public use here.
  app.on(["GET", "POST"], ["/api/auth/oauth2/*", "/api/auth/admin/*"], async (c, next) => {
    if (!OAUTH_PUBLIC_PATHS.has(c.req.path.slice("/api/auth".length))) return errorJson(c, 404, "not_found", `no route for ${c.req.method} ${c.req.path}`);
    return next();
  });

  const guard = authGuard(guardOptions);
  app.on(["GET", "POST"], "/api/auth/*", async (c) => {
    const answer = normalizeRateLimited(c, await hideUnverified(c.req.path, await auth.handler(await guard(c))));
    // OAuth endpoints keep RFC 6749's `{ error, error_description }`: OAuth clients parse it.
    const res = c.req.path.startsWith("/api/auth/oauth2/") ? answer : await withErrorShape(c, answer);
    if (c.req.method === "POST" && ENDS_SESSIONS.test(c.req.path)) await sessionsEnded();
    const delay = c.get("authDelay" as never) as number | undefined;
    if (delay) {
      try {
        res.headers.set(AUTH_DELAY_HEADER, String(delay));
      } catch {
        // immutable headers: the delay still happened
      }
    }
    return res;
  });
  return app;
}
