/** `GET /api/config`: public, unauthenticated settings the web app reads at start-up. */
import { Hono } from "hono";
import { PublicConfig } from "../../contracts/chatkit.ts";
import { docs } from "../../http/openapi.ts";

export function publicConfigRoutes({ chatkitDomainKey, model, vapidPublicKey = null }: { chatkitDomainKey: string | undefined; model: string; vapidPublicKey?: string | null }) {
  const body: PublicConfig = {
    chatkit: chatkitDomainKey ? { domainKey: chatkitDomainKey, apiUrl: "/api/chatkit" } : null,
    model,
    vapidPublicKey,
  };
  const app = new Hono();
  app.get("/", docs("Server")({ summary: "Which model answers, and the ChatKit opt-in", public: true, responses: { 200: PublicConfig } }), (c) => {
    c.header("cache-control", "no-cache");
    return c.json(body);
  });
  return app;
}
