/** `GET /api/config`: public, unauthenticated settings the web app reads at start-up. */
import { Hono } from "hono";
import type { PublicConfig } from "../../contracts/chatkit.ts";

export function publicConfigRoutes({ chatkitDomainKey, model, vapidPublicKey = null }: { chatkitDomainKey: string | undefined; model: string; vapidPublicKey?: string | null }) {
  const body: PublicConfig = {
    chatkit: chatkitDomainKey ? { domainKey: chatkitDomainKey, apiUrl: "/api/chatkit" } : null,
    model,
    vapidPublicKey,
  };
  const app = new Hono();
  app.get("/", (c) => {
    c.header("cache-control", "no-cache");
    return c.json(body);
  });
  return app;
}
