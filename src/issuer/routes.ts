/**
 * The issuer's HTTP surface: Better Auth under /api/auth/*, and the JWKS also at
 * /.well-known/jwks.json. JWKS responses may be cached briefly: a rotated key
 * must reach verifiers within a minute.
 */
import { Hono } from "hono";
import type { Auth } from "./auth.ts";

export const JWKS_CACHE_CONTROL = "public, max-age=60";

export function issuerRoutes(auth: Auth) {
  const app = new Hono();
  const jwks = async () => {
    const body = await auth.api.getJwks();
    return new Response(JSON.stringify(body), {
      headers: { "content-type": "application/json", "cache-control": JWKS_CACHE_CONTROL },
    });
  };
  app.get("/.well-known/jwks.json", jwks);
  app.get("/api/auth/jwks", jwks);
  app.on(["GET", "POST"], "/api/auth/*", (c) => auth.handler(c.req.raw));
  return app;
}
