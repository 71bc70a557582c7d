/**
 * Security headers (strict CSP, no framing, nosniff, no referrer, HSTS only on
 * https), CORS closed unless CORS_ORIGINS opens it, and the request log: one
 * line per request, the request id on every line, never secrets.
 */
import { existsSync } from "node:fs";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.ts";
import { apiCors, securityHeaders } from "../../src/server/http-hardening.ts";
import { createLogger } from "../../src/http/logger.ts";
import { WEB_DIST } from "../../src/server/web.ts";
import { createTestApp, TEST_ORIGIN, type TestApp, type TestUser } from "../support/test-app.ts";

const APP_ORIGIN = "https://app.example";
const lines: string[] = [];
let t: TestApp;
let user: TestUser;

beforeAll(async () => {
  t = await createTestApp({ CORS_ORIGINS: APP_ORIGIN }, { logger: createLogger("info", (l) => void lines.push(l)) });
  user = await t.signUp("Headers");
});
afterAll(() => t.close());

const csp = (res: Response) =>
  Object.fromEntries(
    (res.headers.get("content-security-policy") ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );

describe("security headers", () => {
  it("sends a strict CSP and the anti-framing, nosniff and referrer headers on every response", async () => {
    for (const res of [await t.request("/healthz"), await t.api(user, "GET", "/api/me/tasks"), await t.request("/nope")]) {
      const policy = csp(res);
      expect(policy["default-src"]).toEqual(["'self'"]);
      expect(policy["script-src"]).toEqual(["'self'"]);
      expect(policy["style-src"]).toEqual(["'self'"]);
      expect(policy["img-src"]).toEqual(["'self'", "data:"]);
      expect(policy["connect-src"]).toEqual(["'self'"]);
      expect(policy["frame-ancestors"]).toEqual(["'none'"]);
      expect(policy["object-src"]).toEqual(["'none'"]);
      expect(res.headers.get("content-security-policy")).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("strict-transport-security")).toBeNull(); // http public URL
    }
  });

  it("serves a built index.html with no inline script", async (ctx) => {
    if (!existsSync(`${WEB_DIST}/index.html`)) return ctx.skip();
    const res = await t.request("/", { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe("");
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers either
    expect(csp(res)["script-src"]).toEqual(["'self'"]);
  });

  it("adds HSTS only for an https public URL, and widens the CSP only for the ChatKit opt-in", async () => {
    const probe = async (env: Record<string, string>) => {
      const app = new Hono();
      app.use(securityHeaders(loadConfig(env), { chatkit: Boolean(env.CHATKIT_DOMAIN_KEY) }));
      app.get("/", (c) => c.text("ok"));
      return app.request("/");
    };
    const https = await probe({ PUBLIC_URL: "https://tickler.example" });
    expect(https.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    const chatkit = await probe({ CHATKIT_DOMAIN_KEY: "domain_pk_test" });
    expect(csp(chatkit)["script-src"]).toEqual(["'self'", "https://cdn.platform.openai.com"]);
    expect(csp(chatkit)["frame-src"]).toEqual(["https://cdn.platform.openai.com"]);
    expect(chatkit.headers.get("content-security-policy")).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});

describe("CORS", () => {
  const preflight = (origin: string, path = "/api/me/tasks") =>
    t.request(path, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
    });

  it("is closed when CORS_ORIGINS is empty", () => {
    expect(apiCors(loadConfig({}))).toBeUndefined();
  });

  it("answers the listed origin's preflight, allowing Authorization and exposing X-Request-Id, without credentials", async () => {
    const res = await preflight(APP_ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    const get = await t.request("/api/me/tasks", { headers: { ...user.headers, origin: APP_ORIGIN } });
    expect(get.status).toBe(200);
    expect(get.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(get.headers.get("access-control-expose-headers")?.toLowerCase()).toContain("x-request-id");
  });

  it("gives any other origin nothing", async () => {
    for (const origin of ["https://evil.example", "null", `${APP_ORIGIN}.evil.example`]) {
      const res = await preflight(origin);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      const get = await t.request("/api/me/tasks", { headers: { ...user.headers, origin } });
      expect(get.headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  it("does not apply to paths outside /api and /mcp", async () => {
    const res = await t.request("/healthz", { headers: { origin: APP_ORIGIN } });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("request log", () => {
  const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

  it("writes one line per request with id, method, path, status and ms — never headers, cookies, bodies or query", async () => {
    const secretBody = "body-secret-7f3a";
    const res = await t.request("/api/me/tasks?q=query-secret-91", {
      method: "POST",
      headers: { ...user.headers, cookie: "session=cookie-secret-55" },
      body: JSON.stringify({ title: secretBody }),
    });
    expect(res.status).toBe(201);
    const id = res.headers.get("x-request-id");
    const mine = parsed().filter((l) => l.request_id === id);
    const requestLines = mine.filter((l) => l.msg === "request");
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({ level: "info", method: "POST", path: "/api/me/tasks", status: 201 });
    expect(typeof requestLines[0]!.ms).toBe("number");
    const text = lines.join("\n");
    for (const secret of [user.token, "cookie-secret-55", secretBody, "query-secret-91"]) expect(text).not.toContain(secret);
  });

  it("tags every line written during a request with its id (Better Auth's and the mailer's too)", async () => {
    const before = lines.length;
    const res = await t.request("/api/auth/request-password-reset", {
      method: "POST",
      headers: { "content-type": "application/json", origin: TEST_ORIGIN },
      body: JSON.stringify({ email: user.email }),
    });
    expect(res.status).toBe(200);
    const id = res.headers.get("x-request-id");
    const during = parsed().slice(before);
    expect(during.length).toBeGreaterThanOrEqual(2); // the mail line and the request line
    for (const l of during) expect(l.request_id).toBe(id);
  });

  it("redacts the token in a password-reset link path", async () => {
    await t.request("/api/auth/reset-password/abcdef123456secret?callbackURL=%2F");
    const line = parsed().findLast((l) => l.msg === "request")!;
    expect(line.path).toBe("/api/auth/reset-password/:token");
    expect(lines.join("\n")).not.toContain("abcdef123456secret");
  });
});

describe("database input errors", () => {
  it("answers 422 invalid_input (not 500) when the database refuses a value, e.g. NUL in text", async () => {
    const { createErrorHandler } = await import("../../src/http/errors.ts");
    const app = new Hono();
    app.get("/", () => {
      throw new Error("Failed query", { cause: Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" }) });
    });
    app.onError(createErrorHandler(createLogger("silent")));
    const res = await app.request("/");
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
  });

  it("refuses NUL characters in task text as a validation error", async () => {
    const res = await t.api(user, "POST", "/api/me/tasks", { title: "a\u0000b" });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
    expect((await t.api(user, "GET", "/api/me/tasks?q=%00")).status).toBe(422);
  });
});
