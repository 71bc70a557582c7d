/** The secret iCalendar feed: make, replace, revoke, hashed storage, isolation, limits (both databases). */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CalendarFeedCreated, CalendarFeedStatus } from "../../src/contracts/calendar-feed.ts";
import type { Task } from "../../src/contracts/task.ts";
import { calendarFeeds } from "../../src/db/schema/calendar-feeds.ts";
import { createTestApp, TEST_ORIGIN, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let alice: TestUser;
let bob: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  [alice, bob] = await Promise.all([t.signUp("Alice Feed"), t.signUp("Bob Feed")]);
});
afterAll(() => t.close());

const ok = async <T>(res: Response | Promise<Response>, status = 200): Promise<T> => {
  const r = await res;
  expect(r.status, await r.clone().text()).toBe(status);
  return (r.status === 204 ? undefined : await r.json()) as T;
};
const make = (u: TestUser) => ok<CalendarFeedCreated>(t.api(u, "POST", "/api/me/calendar-feed"), 201);
const pathOf = (url: string) => new URL(url).pathname;
/** Fetched as a calendar app would: no token, no cookie. */
const fetchFeed = (path: string, headers: Record<string, string> = {}) => t.request(path, { headers });
const summaries = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics))
    .getAllSubcomponents("vevent")
    .map((v) => String(v.getFirstPropertyValue("summary")));

describe("calendar feed", () => {
  it("starts inactive, and the URL is made once and serves the user's due, pending tasks as events", async () => {
    expect(await ok<CalendarFeedStatus>(t.api(alice, "GET", "/api/me/calendar-feed"))).toEqual({
      active: false,
      created_at: null,
    });
    await ok<Task>(
      t.api(alice, "POST", "/api/me/tasks", { title: "Dentist, 3pm; bring card", due_at: "2026-12-10T15:00:00Z" }),
      201,
    );
    await ok<Task>(t.api(alice, "POST", "/api/me/tasks", { title: "no date" }), 201);
    const done = await ok<Task>(
      t.api(alice, "POST", "/api/me/tasks", { title: "already done", due_at: "2026-12-11T15:00:00Z" }),
      201,
    );
    await ok(t.api(alice, "PATCH", `/api/me/tasks/${done.id}/complete`, { completed: true }));

    const feed = await make(alice);
    expect(feed.url).toMatch(new RegExp(`^${TEST_ORIGIN}/cal/[A-Za-z0-9_-]{43}\\.ics$`));
    const status = await ok<CalendarFeedStatus>(t.api(alice, "GET", "/api/me/calendar-feed"));
    expect(status.active).toBe(true);
    expect(JSON.stringify(status)).not.toContain(pathOf(feed.url).slice(5, -4));

    const res = await fetchFeed(pathOf(feed.url));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const ics = await res.text();
    expect(summaries(ics)).toEqual(["Dentist, 3pm; bring card"]);
    const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!);
    expect(ev.startDate.toJSDate().toISOString()).toBe("2026-12-10T15:00:00.000Z");
  });

  it("stores only the token's SHA-256", async () => {
    const feed = await make(alice);
    const token = pathOf(feed.url).slice("/cal/".length, -".ics".length);
    const [row] = await t.tickler.database.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, alice.id));
    expect(row!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("regenerating replaces the URL: the old one is a 404 at once", async () => {
    const first = await make(alice);
    const second = await make(alice);
    expect(second.url).not.toBe(first.url);
    expect((await fetchFeed(pathOf(first.url))).status).toBe(404);
    expect((await fetchFeed(pathOf(second.url))).status).toBe(200);
  });

  it("revoking ends the feed; revoking twice is fine", async () => {
    const feed = await make(alice);
    await ok(t.api(alice, "DELETE", "/api/me/calendar-feed"), 204);
    await ok(t.api(alice, "DELETE", "/api/me/calendar-feed"), 204);
    const res = await fetchFeed(pathOf(feed.url));
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    expect(await ok<CalendarFeedStatus>(t.api(alice, "GET", "/api/me/calendar-feed"))).toMatchObject({ active: false });
  });

  it("a wrong, malformed or extension-less token is a 404, never a 500 or another user's feed", async () => {
    const feed = await make(alice);
    const path = pathOf(feed.url);
    const wrong = `/cal/${"A".repeat(43)}.ics`;
    for (const p of [
      wrong,
      "/cal/short.ics",
      `/cal/${"x".repeat(500)}.ics`,
      path.slice(0, -4),
      `${path}x`,
      "/cal/%00.ics",
    ]) {
      expect((await fetchFeed(p)).status, p).toBe(404);
    }
  });

  it("each user's feed has only their tasks, and one user cannot manage another's feed", async () => {
    await ok<Task>(t.api(bob, "POST", "/api/me/tasks", { title: "Bob's secret", due_at: "2026-12-12T09:00:00Z" }), 201);
    const a = await make(alice);
    const b = await make(bob);
    expect(summaries(await (await fetchFeed(pathOf(a.url))).text())).not.toContain("Bob's secret");
    expect(summaries(await (await fetchFeed(pathOf(b.url))).text())).toEqual(["Bob's secret"]);
    // Alice's token on Bob's user path: 403 (as on every route), and Bob's feed survives.
    expect((await t.api(alice, "DELETE", `/api/${bob.id}/calendar-feed`)).status).toBe(403);
    expect((await t.api(alice, "POST", `/api/${bob.id}/calendar-feed`)).status).toBe(403);
    expect((await fetchFeed(pathOf(b.url))).status).toBe(200);
  });

  it("the management API needs a bearer token", async () => {
    expect(
      (await t.request("/api/me/calendar-feed", { method: "POST", headers: { origin: TEST_ORIGIN } })).status,
    ).toBe(401);
  });

  it("deleting the account ends its feed", async () => {
    const carol = await t.signUp("Carol Feed");
    const feed = await make(carol);
    const res = await t.request("/api/auth/delete-user", {
      method: "POST",
      headers: { cookie: carol.cookie, origin: TEST_ORIGIN, "content-type": "application/json" },
      body: JSON.stringify({ password: "correct horse battery" }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    await expect.poll(async () => (await fetchFeed(pathOf(feed.url))).status).toBe(404);
  });
});

describe("calendar feed limits", () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({ RATE_LIMIT_FEED_PER_MINUTE: "3" });
  });
  afterAll(() => limited.close());

  it("guessing tokens from one address is rate limited (429 with Retry-After)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await limited.request(`/cal/${String(i).repeat(43)}.ics`, {
        headers: { "x-forwarded-for": "203.0.113.9" },
      });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });
});
