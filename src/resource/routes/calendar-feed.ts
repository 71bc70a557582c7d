/**
 * `/api/{user_id}/calendar-feed`: status, (re)generate and revoke the user's
 * secret feed URL (bearer-only, behind the gate like the rest of the API).
 * `/cal/<token>.ics`: the feed itself, for calendar apps that cannot send a
 * bearer token; the token in the path is the credential. A wrong, revoked or
 * replaced token is a plain 404, and requests are limited per IP and per token.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import type { Db } from "../../db/client.ts";
import {
  feedOwner,
  feedStatus,
  hashToken,
  regenerateFeed,
  renderFeed,
  revokeFeed,
} from "../../domain/calendar/feeds.ts";
import { CalendarFeedCreated, CalendarFeedStatus } from "../../contracts/calendar-feed.ts";
import { errorJson } from "../../http/errors.ts";
import { docs } from "../../http/openapi.ts";
import { rateLimitedError, type RateLimiter, type RateRule } from "../../http/rate-limit.ts";
import type { AuthEnv } from "../require-user.ts";

const doc = docs("Calendar");

export function calendarFeedRoutes({ db, publicUrl }: { db: Db; publicUrl: string }) {
  const app = new Hono<AuthEnv>();
  app.get("/", doc({ summary: "Whether your calendar feed is on", responses: { 200: CalendarFeedStatus } }), async (c) => c.json(await feedStatus(db, c.var.user.id)));
  app.post("/", doc({ summary: "A new secret feed URL (the old one stops working)", responses: { 201: CalendarFeedCreated }, errors: [429] }), async (c) => {
    const { token, created_at } = await regenerateFeed(db, c.var.user.id);
    c.header("cache-control", "no-store");
    return c.json({ active: true, created_at, url: `${publicUrl}/cal/${token}.ics` }, 201);
  });
  app.delete("/", doc({ summary: "Turn the feed off", responses: { 204: null }, errors: [429] }), async (c) => {
    await revokeFeed(db, c.var.user.id);
    return c.body(null, 204);
  });
  return app;
}

export interface FeedServeDeps {
  db: Db;
  limiter: RateLimiter;
  rule: RateRule;
  clientIp: (c: Context) => string | undefined;
}

export function calendarServeRoutes({ db, limiter, rule, clientIp }: FeedServeDeps) {
  const app = new Hono();
  app.get("/cal/:file", doc({ summary: "The feed itself (iCalendar); the secret token in the path is the credential", public: true, responses: { 200: { description: "iCalendar", also: { "text/calendar": null } } }, errors: [404, 429] }), async (c) => {
    const file = c.req.param("file");
    const token = file.endsWith(".ics") ? file.slice(0, -4) : "";
    // Per IP first (guessing tokens from one address), then per token (a leaked URL hammered from many).
    for (const key of [`feed-ip:${clientIp(c) ?? "unknown"}`, `feed:${hashToken(token).slice(0, 32)}`]) {
      const decision = await limiter.consume(key, rule);
      if (!decision.allowed) throw rateLimitedError(decision);
    }
    const userId = await feedOwner(db, token);
    if (!userId) return errorJson(c, 404, "not_found", "no such calendar");
    const body = await renderFeed(db, userId);
    return c.body(body, 200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="tickler.ics"',
      "cache-control": "private, max-age=300",
      // The URL is a secret: never send it on as a referrer, never index it.
      "referrer-policy": "no-referrer",
      "x-robots-tag": "noindex",
    });
  });
  return app;
}
