/** `/api/{user_id}/settings`: the user's time zone (GET; PATCH `{ time_zone }`). */
import { Hono } from "hono";
import { UserSettings, UserSettingsPatch } from "../../contracts/settings.ts";
import type { Db } from "../../db/client.ts";
import { getSettings, setTimeZone } from "../../domain/settings.ts";
import { docs } from "../../http/openapi.ts";
import type { AuthEnv } from "../require-user.ts";
import { jsonBody } from "../validate.ts";

const doc = docs("Settings");

export function settingsRoutes({ db }: { db: Db }) {
  const app = new Hono<AuthEnv>();
  app.get("/", doc({ summary: "Your settings (the time zone dates are read in)", responses: { 200: UserSettings } }), async (c) => c.json(await getSettings(db, c.var.user.id)));
  app.patch("/", doc({ summary: "Set your time zone", description: "An IANA name (`Europe/Berlin`); used whenever a request names no zone of its own.", body: UserSettingsPatch, responses: { 200: UserSettings }, errors: [429] }), async (c) => {
    const { time_zone } = await jsonBody(c, UserSettingsPatch);
    return c.json(await setTimeZone(db, c.var.user.id, time_zone));
  });
  return app;
}
