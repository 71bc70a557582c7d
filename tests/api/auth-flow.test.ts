import { decodeProtectedHeader, decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NewPassword, PASSWORD_MAX, PASSWORD_MIN } from "../../src/contracts/auth.ts";
import { followVerificationLink } from "../support/mailbox.ts";
import { createTestApp, TEST_ORIGIN, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const json = { "content-type": "application/json", origin: TEST_ORIGIN };

describe("issuer → token → resource server", () => {
  it("signs up, signs in, gets an EdDSA token whose kid is in the JWKS, and uses it for task CRUD", async () => {
    const email = `flow.${Date.now()}@example.com`;
    const up = await t.request("/api/auth/sign-up/email", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ name: "Flow", email, password: "a long password" }),
    });
    expect(up.status).toBe(200);
    await followVerificationLink(await t.mailbox.linkFor(email), (link) => t.request(link.slice(TEST_ORIGIN.length)));

    const signIn = await t.request("/api/auth/sign-in/email", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ email, password: "a long password" }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
    expect(signIn.headers.get("set-cookie")).toMatch(/HttpOnly/i);

    const token = await t.tokenFor(cookie);
    const header = decodeProtectedHeader(token);
    expect(header.alg).toBe("EdDSA");
    expect(header.kid).toBeTruthy();
    const claims = decodeJwt(token);
    expect(claims.iss).toBe(TEST_ORIGIN);
    expect(claims.aud).toBe("tickler-api");
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(Object.keys(claims).sort()).toEqual(["aud", "email", "exp", "iat", "iss", "name", "sid", "sub"]);

    const jwks = (await (await t.request("/api/auth/jwks")).json()) as { keys: { kid: string; alg: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toContain(header.kid);
    expect(jwks.keys.every((k) => k.alg === "EdDSA")).toBe(true);

    const h = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const created = await t.request("/api/me/tasks", { method: "POST", headers: h, body: JSON.stringify({ title: "First" }) });
    expect(created.status).toBe(201);
    const task = (await created.json()) as { id: number };
    expect((await t.request(`/api/${claims.sub}/tasks/${task.id}`, { headers: h })).status).toBe(200);
    expect((await t.request(`/api/me/tasks/${task.id}`, { method: "PATCH", headers: h, body: '{"title":"Renamed"}' })).status).toBe(200);
    expect((await t.request(`/api/me/tasks/${task.id}`, { method: "DELETE", headers: h })).status).toBe(204);
    expect((await t.request(`/api/me/tasks/${task.id}`, { headers: h })).status).toBe(404);
  });

  it("refuses a wrong password with 401 and no session", async () => {
    const u = await t.signUp("Wrong Pass");
    const res = await t.request("/api/auth/sign-in/email", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ email: u.email, password: "not the password" }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie") ?? "").not.toMatch(/session_token=[^;]+/);
  });

  it("does not accept the session cookie on the resource server", async () => {
    const u = await t.signUp("Cookie Only");
    const res = await t.request("/api/me/tasks", { headers: { cookie: u.cookie } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("token_missing");
  });

  it("sign-out ends the session so no new token can be had", async () => {
    const u = await t.signUp("Leaver");
    const out = await t.request("/api/auth/sign-out", { method: "POST", headers: { ...json, cookie: u.cookie }, body: "{}" });
    expect(out.status).toBe(200);
    const res = await t.request("/api/auth/token", { headers: { cookie: u.cookie, origin: TEST_ORIGIN } });
    expect(res.status).toBe(401);
  });

  it("get-session also returns a fresh token in set-auth-jwt", async () => {
    const u = await t.signUp("Session");
    const res = await t.request("/api/auth/get-session", { headers: { cookie: u.cookie, origin: TEST_ORIGIN } });
    expect(res.status).toBe(200);
    expect(decodeProtectedHeader(res.headers.get("set-auth-jwt")!).alg).toBe("EdDSA");
  });

  it("publishes the JWKS at both paths with a short public Cache-Control", async () => {
    for (const path of ["/api/auth/jwks", "/.well-known/jwks.json"]) {
      const res = await t.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, max-age=60");
      const body = (await res.json()) as { keys: Record<string, string>[] };
      expect(body.keys.length).toBeGreaterThan(0);
      for (const k of body.keys) {
        expect(k).not.toHaveProperty("d"); // never a private part
        expect(k.kty).toBe("OKP");
        expect(k.crv).toBe("Ed25519");
      }
    }
  });
});

describe("issuer errors", () => {
  it("carry the documented error object beside Better Auth's own fields", async () => {
    const res = await t.request("/api/auth/sign-in/email", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ email: "nobody@example.com", password: "whatever password" }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { code: string; message: string; error: { code: string; message: string; request_id: string } };
    expect(body.code).toBe("INVALID_EMAIL_OR_PASSWORD"); // what Better Auth's client reads
    expect(body.error).toEqual({ code: "invalid_email_or_password", message: body.message, request_id: res.headers.get("x-request-id") });
  });

  it("answers a malformed sign-up with a 4xx in the same shape", async () => {
    for (const body of ['{"email":', JSON.stringify({ email: 42, password: [] }), JSON.stringify({ name: "x", email: "a@b.c", password: "short" })]) {
      const res = await t.request("/api/auth/sign-up/email", { method: "POST", headers: json, body });
      expect(res.status, body).toBeGreaterThanOrEqual(400);
      expect(res.status, body).toBeLessThan(500);
      expect(((await res.json()) as { error: { code: string } }).error.code, body).toMatch(/^[a-z_]+$/);
    }
  });

  it("enforces the password policy the web forms show (one definition in contracts/auth.ts)", async () => {
    const signUp = (password: string) =>
      t.request("/api/auth/sign-up/email", {
        method: "POST",
        headers: json,
        body: JSON.stringify({ name: "Policy", email: `policy.${password.length}.${Date.now()}@example.com`, password }),
      });
    for (const length of [PASSWORD_MIN - 1, PASSWORD_MIN, PASSWORD_MAX, PASSWORD_MAX + 1]) {
      // Uncommon characters cut to the length: only the length rule decides here.
      const password = "k3!vQz9Wm x".repeat(12).slice(0, length);
      const res = await signUp(password);
      expect(res.status === 200, `length ${length}`).toBe(NewPassword.safeParse(password).success);
    }
  });
});
