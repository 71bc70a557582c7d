/** `/api/{user_id}/settings`: the user's time zone (GET; PATCH `{ time_zone }`). */
import { Hono } from "hono";
import { UserSettingsPatch } from "../../contracts/settings.ts";
import type { Db } from "../../db/client.ts";
import { getSettings, setTimeZone } from "../../domain/settings.ts";
import type { AuthEnv } from "../require-user.ts";
import { jsonBody } from "../validate.ts";

export function settingsRoutes({ db }: { db: Db }) {
  const app = new Hono<AuthEnv>();
  app.get("/", async (c) => c.json(await getSettings(db, c.var.user.id)));
  app.patch("/", async (c) => {
    const { time_zone } = await jsonBody(c, UserSettingsPatch);
    return c.json(await setTimeZone(db, c.var.user.id, time_zone));
  });
  return app;
}
