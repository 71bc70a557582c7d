/**
 * The issuer's HTTP surface: Better Auth under /api/auth/*, and the JWKS also at
 * /.well-known/jwks.json. JWKS responses may be cached briefly: a rotated key
 * must reach verifiers within a minute.
 */
import { Hono } from "hono";
import type { Auth } from "./auth.ts";
import { authGuard, normalizeRateLimited, type AuthGuardOptions } from "./auth-guard.ts";
import { withErrorShape } from "./error-shape.ts";
import { AUTH_DELAY_HEADER } from "./sign-in-limits.ts";

export const JWKS_CACHE_CONTROL = "public, max-age=60";

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
  const guard = authGuard(guardOptions);
  app.on(["GET", "POST"], "/api/auth/*", async (c) => {
    const res = await withErrorShape(c, normalizeRateLimited(c, await auth.handler(await guard(c))));
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
