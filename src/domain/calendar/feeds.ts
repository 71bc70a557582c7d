/**
 * Per-user secret calendar feeds. The token is the credential (calendar apps
 * cannot send a bearer token), so it is 256 random bits, shown once, and kept
 * only as its SHA-256: the database alone cannot rebuild a feed URL.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { calendarFeeds } from "../../db/schema/calendar-feeds.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { priorityName } from "../tasks/mapping.ts";
import { buildCalendar } from "./ical.ts";
import { feedRrule, feedTimeZone } from "./feed-source.ts";

/** A feed lists at most this many tasks (the soonest due): calendar apps choke on huge feeds. */
export const FEED_TASKS_MAX = 2000;
/** base64url of 32 bytes. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface FeedStatus {
  active: boolean;
  created_at: string | null;
}

export async function feedStatus(db: Db, userId: string): Promise<FeedStatus> {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId));
  return { active: !!row, created_at: row ? row.createdAt.toISOString() : null };
}

/** Creates the feed, or replaces its token (the old URL stops working at once). Returns the new token. */
export async function regenerateFeed(db: Db, userId: string): Promise<{ token: string; created_at: string }> {
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashToken(token);
  const now = new Date();
  await db
    .insert(calendarFeeds)
    .values({ userId, tokenHash, createdAt: now })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: now } });
  return { token, created_at: now.toISOString() };
}

/** True if there was a feed to revoke. */
export async function revokeFeed(db: Db, userId: string): Promise<boolean> {
  const rows = await db
    .delete(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId))
    .returning({ userId: calendarFeeds.userId });
  return rows.length > 0;
}

/** The user a token belongs to, or null (malformed, unknown, revoked or regenerated). */
export async function feedOwner(db: Db, token: string): Promise<string | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db
    .select({ userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, hashToken(token)));
  return row?.userId ?? null;
}

/** The user's pending tasks that have a due date, as one VCALENDAR document. */
export async function renderFeed(
  db: Db,
  userId: string,
  opts: { taskUrl?: (id: number) => string } = {},
): Promise<string> {
  const rows = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.userId, userId), eq(tasks.completed, false), isNotNull(tasks.dueAt)))
    .orderBy(asc(tasks.dueAt), asc(tasks.id))
    .limit(FEED_TASKS_MAX);
  const timeZone = await feedTimeZone(db, userId);
  const feedTasks = rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    due_at: r.dueAt!.toISOString(),
    priority: priorityName(r.priority),
    tags: r.tags,
    updated_at: r.updatedAt.toISOString(),
    rrule: feedRrule(r),
  }));
  return buildCalendar(feedTasks, { uidDomain: userId, timeZone, name: "Tickler", taskUrl: opts.taskUrl });
}
