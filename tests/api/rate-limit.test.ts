/**
 * Rate limits: per-user task writes, per-email and per-IP sign-in limits, all
 * answering 429 `rate_limited` with Retry-After in the one error shape; and the
 * limiter's stores counting atomically (database always, Redis when it answers).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.ts";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { DatabaseRateLimitStore } from "../../src/http/rate-limit-store.ts";
import { RateLimiter, type RateLimitStore } from "../../src/http/rate-limit.ts";
import { startTestServer, type TestServer } from "../support/start-server.ts";
import { createTestApp, TEST_ORIGIN, type TestApp } from "../support/test-app.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-db.ts";
import { tcpReachable } from "../support/reachable.ts";

interface ErrorJson {
  error: { code: string; message: string; request_id?: string; details?: { retry_after: number } };
}

const json = { "content-type": "application/json", origin: TEST_ORIGIN };

describe("rate limits through the app", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      RATE_LIMIT_WRITES_PER_MINUTE: "5",
      RATE_LIMIT_AUTH_PER_EMAIL_IP: "3",
      RATE_LIMIT_AUTH_PER_IP: "8",
    });
  });
  afterAll(() => t.close());

  const signIn = (email: string, password = "wrong password!") =>
    t.request("/api/auth/sign-in/email", { method: "POST", headers: json, body: JSON.stringify({ email, password }) });

  it("limits task writes per user with 429 rate_limited and Retry-After; reads and other users go on", async () => {
    const a = await t.signUp("Writer");
    const b = await t.signUp("Other Writer");
    for (let i = 0; i < 5; i++) expect((await t.api(a, "POST", "/api/me/tasks", { title: `t${i}` })).status).toBe(201);
    const res = await t.api(a, "POST", "/api/me/tasks", { title: "one too many" });
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await res.json()) as ErrorJson;
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.request_id).toBe(res.headers.get("x-request-id"));
    expect(body.error.details?.retry_after).toBe(retryAfter);
    // Every kind of write counts; reads do not.
    expect((await t.api(a, "DELETE", "/api/me/tasks/1")).status).toBe(429);
    expect((await t.api(a, "GET", "/api/me/tasks")).status).toBe(200);
    expect((await t.api(b, "POST", "/api/me/tasks", { title: "fine" })).status).toBe(201);
    expect((await t.api(a, "GET", "/api/me/tasks")).headers.get("ratelimit-limit")).toBeNull();
  });

  // The (email, address) limit: in process there is no peer address, so every request shares one.
  it("limits sign-in attempts per email address and client address, even with the right password", async () => {
    const u = await t.signUp("Targeted");
    for (let i = 0; i < 3; i++) expect((await signIn(u.email)).status).toBe(401);
    const blocked = await signIn(u.email.toUpperCase(), "correct horse battery"); // same address, other case
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as ErrorJson).error.code).toBe("rate_limited");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(60); // the email window is 15 min
    // Other accounts are unaffected.
    expect((await signIn(`someone.else.${Date.now()}@example.com`)).status).toBe(401);
  });

  it("limits sign-in attempts per IP through Better Auth's limiter, in our error shape", async () => {
    let status = 0;
    let attempts = 0;
    let res: Response | undefined;
    while (status !== 429 && attempts < 12) {
      res = await signIn(`spray.${attempts++}@example.com`);
      status = res.status;
    }
    expect(status).toBe(429);
    expect(attempts).toBeLessThanOrEqual(8);
    expect(res!.headers.get("retry-after")).toMatch(/^\d+$/);
    const body = (await res!.json()) as ErrorJson;
    expect(body.error.code).toBe("rate_limited");
    // Other auth endpoints (a separate, generous rule) still answer.
    expect((await t.request("/api/auth/get-session", { headers: { origin: TEST_ORIGIN } })).status).toBe(200);
  });
});

describe("client IP behind a trusted proxy", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_AUTH_PER_IP: "2", TRUST_PROXY: "loopback" });
  });
  afterAll(() => server.close());

  const attempt = (forwardedFor: string) =>
    fetch(`${server.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url, "x-forwarded-for": forwardedFor },
      body: JSON.stringify({ email: `ip.${Math.random()}@example.com`, password: "wrong password!" }),
    }).then((r) => r.status);

  it("keys the limit by the forwarded client address when the peer is a trusted proxy", async () => {
    expect([await attempt("203.0.113.1"), await attempt("203.0.113.1"), await attempt("203.0.113.1")]).toEqual([401, 401, 429]);
    expect(await attempt("203.0.113.2")).toBe(401); // another client behind the same proxy
    // A client cannot escape by prepending addresses: only the hop the proxy appended counts.
    expect(await attempt("198.51.100.7, 203.0.113.1")).toBe(429);
  });

  it("ignores X-Forwarded-For when the peer is not trusted", async () => {
    const untrusted = await startTestServer({ RATE_LIMIT_AUTH_PER_IP: "2" });
    try {
      const statuses = [];
      for (const ip of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) {
        const res = await fetch(`${untrusted.url}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: untrusted.url, "x-forwarded-for": ip },
          body: JSON.stringify({ email: `spoof.${ip}@example.com`, password: "wrong password!" }),
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await untrusted.close();
    }
  });
});

const redisReachable = () => tcpReachable(6379);

function storeContract(name: string, make: () => Promise<RateLimitStore | undefined>) {
  describe(`${name} store`, () => {
    let store: RateLimitStore | undefined;
    beforeAll(async () => {
      store = await make();
    });
    afterAll(() => store?.close());

    it("counts concurrent hits atomically: exactly max pass", async (ctx) => {
      if (!store) return ctx.skip();
      const limiter = new RateLimiter(store, { write: { max: 10, windowSeconds: 60 }, chat: { max: 1, windowSeconds: 60 } });
      const key = `contract:${name}:${Math.random()}`;
      const decisions = await Promise.all(Array.from({ length: 40 }, () => limiter.consume(key, limiter.rules.write)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
      expect(decisions.every((d) => d.allowed || (d.retryAfter >= 1 && d.retryAfter <= 60))).toBe(true);
    });

    it("starts a new window once the old one ends", async (ctx) => {
      if (!store) return ctx.skip();
      const key = `window:${name}:${Math.random()}`;
      const first = await store.hit(key, 1);
      expect(first.count).toBe(1);
      const second = await store.hit(key, 1);
      // Judged by the store's own clock: a machine stalled past the window starts a new one.
      expect(second.count).toBe(second.now < first.resetAt ? 2 : 1);
      await new Promise((r) => setTimeout(r, Math.max(0, second.resetAt - second.now) + 100));
      expect((await store.hit(key, 1)).count).toBe(1);
    });
  });
}

let storeDb: { database: Database; test: TestDatabase } | undefined;
storeContract("database", async () => {
  const test = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: "test", ...test.env });
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  await migrateDatabase(database);
  storeDb = { database, test };
  return new DatabaseRateLimitStore(database.db);
});
afterAll(async () => {
  await storeDb?.database.close();
  await storeDb?.test.drop();
});
storeContract("redis", async () => {
  if (!(await redisReachable())) return undefined;
  const { RedisRateLimitStore } = await import("../../src/http/rate-limit-redis.ts");
  return new RedisRateLimitStore("redis://127.0.0.1:6379/15");
});
