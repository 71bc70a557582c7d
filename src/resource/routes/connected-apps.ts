/**
 * `/api/{user_id}/connected-apps`: the account page's "Connected apps" — the
 * OAuth clients the user granted access — and revoking one. Bearer-only like
 * the rest of the API (web tokens; an MCP token never reaches it), so no
 * cookie, no CSRF.
 */
import { Hono } from "hono";
import type { Db } from "../../db/client.ts";
import { listConnectedApps, revokeConnectedApp } from "../../domain/account/connected-apps.ts";
import { ConnectedAppList } from "../../contracts/oauth.ts";
import { errorJson } from "../../http/errors.ts";
import { docs } from "../../http/openapi.ts";
import type { AuthEnv } from "../require-user.ts";

const doc = docs("Account");

export function connectedAppRoutes({ db }: { db: Db }) {
  const app = new Hono<AuthEnv>();
  app.get("/", doc({ summary: "MCP clients you allowed", responses: { 200: ConnectedAppList } }), async (c) => c.json({ apps: await listConnectedApps(db, c.var.user.id) }));
  app.delete("/:client_id", doc({ summary: "Revoke a connected app", responses: { 204: null }, errors: [404] }), async (c) => {
    const clientId = c.req.param("client_id");
    if (clientId.length > 255 || !(await revokeConnectedApp(db, c.var.user.id, clientId))) {
      return errorJson(c, 404, "not_found", "no connected app with that id");
    }
    return c.body(null, 204);
  });
  return app;
}
