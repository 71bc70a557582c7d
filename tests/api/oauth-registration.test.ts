/**
 * Open dynamic client registration has limits (decision 007): a per-IP rate
 * (in the shared limiter store) and a cap on stored clients.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/start-server.ts";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ TRUST_PROXY: "loopback", RATE_LIMIT_OAUTH_REGISTER_PER_IP: "3", OAUTH_MAX_CLIENTS: "5" });
});
afterAll(() => s.close());

const register = (ip: string) =>
  fetch(`${s.url}/api/auth/oauth2/register`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip },
    body: JSON.stringify({ client_name: "Flood", redirect_uris: ["http://127.0.0.1:5000/cb"], token_endpoint_auth_method: "none" }),
  });

describe("dynamic client registration limits", () => {
  it("refuses a flood from one address with 429, while others still register, up to the cap", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await register("198.51.100.7")).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await register("198.51.100.7");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);

    // Another address still registers, until five clients are stored.
    expect((await register("198.51.100.8")).status).toBe(201);
    expect((await register("198.51.100.8")).status).toBe(201);
    const full = await register("198.51.100.9");
    expect(full.status).toBe(503);
    expect(((await full.json()) as { error: string }).error).toBe("temporarily_unavailable");
  });
});
