import { decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.ts";
import { createTickler, type Tickler } from "../../src/server/create-app.ts";
import { createLogger } from "../../src/http/logger.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

describe("key rotation", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ JWKS_ROTATION_INTERVAL: "1", JWKS_COOLDOWN_SECONDS: "0" });
  });
  afterAll(() => t.close());

  it("accepts a token signed by a newly rotated key without a restart, and the old one during grace", async () => {
    const user = await t.signUp("Rotator");
    const first = user.token;
    expect((await t.api(user, "GET", "/api/me/tasks")).status).toBe(200); // loads the first key set
    await new Promise((r) => setTimeout(r, 1_200));
    const second = await t.tokenFor(user.cookie);
    expect(decodeProtectedHeader(second).kid).not.toBe(decodeProtectedHeader(first).kid);
    for (const token of [second, first]) {
      const res = await t.request("/api/me/tasks", { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
    }
  });
});

describe("an issuer that cannot be reached", () => {
  let resource: Tickler;
  beforeAll(async () => {
    const config = loadConfig({
      NODE_ENV: "test",
      DATA_DIR: "memory://",
      PUBLIC_URL: "http://api.test",
      AUTH_JWKS_URL: "http://127.0.0.1:9/api/auth/jwks", // discard port: nothing listens
      AUTH_ISSUER: "http://issuer.test",
      LOG_LEVEL: "silent",
    });
    resource = await createTickler(config, createLogger("silent"));
  });
  afterAll(() => resource.close());

  it("answers 503 auth_unavailable, not 401 or 500", async () => {
    const token = "eyJhbGciOiJFZERTQSIsImtpZCI6ImsxIn0.eyJzdWIiOiJ1In0.c2ln";
    const res = await resource.app.request("http://api.test/api/me/tasks", { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("auth_unavailable");
  });

  it("does not serve the issuer's routes in split mode", async () => {
    const res = await resource.app.request("http://api.test/api/auth/jwks");
    expect(res.status).toBe(404);
  });
});
