/**
 * Per-user settings kept by the resource server (user_settings). The stored
 * time zone is what server-side dates use when a request names none.
 */
import { eq, sql } from "drizzle-orm";
import type { UserSettings } from "../contracts/settings.ts";
import type { Db } from "../db/client.ts";
import { userSettings } from "../db/schema/user-settings.ts";
import { assertTimeZone } from "./time.ts";

export const DEFAULT_TIME_ZONE = "UTC";

export async function getSettings(db: Db, userId: string): Promise<UserSettings> {
  const [row] = await db.select().from(userSettings).where(eq(userSettings.userId, userId));
  return { time_zone: row?.timeZone ?? DEFAULT_TIME_ZONE, time_zone_set: !!row };
}

/** The zone dates are read in for this user when the request does not say (UTC until set). */
export async function userTimeZone(db: Db, userId: string): Promise<string> {
  return (await getSettings(db, userId)).time_zone;
}

export async function setTimeZone(db: Db, userId: string, timeZone: string): Promise<UserSettings> {
  const tz = assertTimeZone(timeZone);
  await db
    .insert(userSettings)
    .values({ userId, timeZone: tz })
    .onConflictDoUpdate({ target: userSettings.userId, set: { timeZone: tz, updatedAt: sql`now()` } });
  return { time_zone: tz, time_zone_set: true };
}
