/** `GET /api/config`: public, unauthenticated settings the web app reads at start-up. */
import { Hono } from "hono";
import type { PublicConfig } from "../../contracts/chatkit.ts";

export function publicConfigRoutes({ chatkitDomainKey, model }: { chatkitDomainKey: string | undefined; model: string }) {
  const body: PublicConfig = {
    chatkit: chatkitDomainKey ? { domainKey: chatkitDomainKey, apiUrl: "/api/chatkit" } : null,
    model,
  };
  const app = new Hono();
  app.get("/", (c) => {
    c.header("cache-control", "no-cache");
    return c.json(body);
  });
  return app;
}
