/** `GET /api/config`: public, unauthenticated settings the web app reads at start-up. */
import { Hono } from "hono";
import { PublicConfig } from "../../contracts/chatkit.ts";
import { docs } from "../../http/openapi.ts";

export interface PublicConfigDeps {
  chatkitDomainKey: string | undefined;
  model: string;
  /** Whether a speech-to-text model is configured (the web shows its microphone). */
  transcription?: boolean;
  vapidPublicKey?: string | null;
}

export function publicConfigRoutes({
  chatkitDomainKey,
  model,
  transcription = false,
  vapidPublicKey = null,
}: PublicConfigDeps) {
  const body: PublicConfig = {
    chatkit: chatkitDomainKey ? { domainKey: chatkitDomainKey, apiUrl: "/api/chatkit" } : null,
    model,
    transcription,
    vapidPublicKey,
  };
  const app = new Hono();
  app.get(
    "/",
    docs("Server")({
      summary: "Which model answers, whether voice input works, and the ChatKit opt-in",
      public: true,
      responses: { 200: PublicConfig },
    }),
    (c) => {
      c.header("cache-control", "no-cache");
      return c.json(body);
    },
  );
  return app;
}
