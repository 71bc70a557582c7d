/**
 * The zone a request's dates are meant in: an explicit one (`?tz=` or the
 * `X-Time-Zone` header) wins, else the user's stored zone (UTC until set).
 */
import type { Context } from "hono";
import type { Db } from "../db/client.ts";
import { userTimeZone } from "../domain/settings.ts";
import { assertTimeZone } from "../domain/time.ts";
import type { AuthEnv } from "./require-user.ts";

export async function zoneFor(db: Db, userId: string, explicit: unknown): Promise<string> {
  if (typeof explicit === "string" && explicit.trim()) return assertTimeZone(explicit.trim().slice(0, 64));
  return userTimeZone(db, userId);
}

/** The zone the request names (`?tz=` or `X-Time-Zone`), checked; undefined when it names none (no query). */
export function explicitZone(c: Context<AuthEnv>): string | undefined {
  const explicit = c.req.query("tz") ?? c.req.header("x-time-zone");
  return explicit?.trim() ? assertTimeZone(explicit.trim().slice(0, 64)) : undefined;
}

export async function requestZone(c: Context<AuthEnv>, db: Db): Promise<string> {
  return zoneFor(db, c.var.user.id, c.req.query("tz") ?? c.req.header("x-time-zone"));
}
