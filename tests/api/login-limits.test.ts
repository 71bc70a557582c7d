/**
 * Sign-in limits (docs/decisions/013-login-limits.md): guessing from one
 * address is stopped per (email, IP); attempts from many addresses on one
 * account are slowed down with a growing delay; nobody can lock the owner out.
 * Client addresses come from X-Forwarded-For behind a trusted (loopback) proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_DELAY_HEADER } from "../../src/issuer/sign-in-limits.ts";
import { sessionAfterSignUp } from "../support/mailbox.ts";
import { startTestServer, type TestServer } from "../support/start-server.ts";

const PER_PAIR = 5;
const PER_EMAIL = 6;
const BASE_MS = 20;
const MAX_MS = 160;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    TRUST_PROXY: "loopback",
    RATE_LIMIT_AUTH_PER_EMAIL_IP: String(PER_PAIR),
    RATE_LIMIT_AUTH_PER_EMAIL: String(PER_EMAIL),
    AUTH_DELAY_BASE_MS: String(BASE_MS),
    AUTH_DELAY_MAX_MS: String(MAX_MS),
  });
});
afterAll(() => server?.close());

const signIn = (email: string, password: string, ip: string) =>
  fetch(`${server.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url, "x-forwarded-for": ip },
    body: JSON.stringify({ email, password }),
  });

const PASSWORD = "correct horse battery";
async function victim(name: string): Promise<string> {
  const email = `${name.toLowerCase()}.${Date.now()}@example.com`;
  const res = await fetch(`${server.url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify({ name, email, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  await sessionAfterSignUp(res, email, server.mailbox); // verified, so only the limits decide
  return email;
}

describe("sign-in limits", () => {
  it("lets the owner in from another address after 10 wrong passwords from one address", async () => {
    const email = await victim("Owner");
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await signIn(email, `wrong guess ${i}`, "203.0.113.10")).status);
    expect(statuses).toEqual([...Array(PER_PAIR).fill(401), ...Array(10 - PER_PAIR).fill(429)]);
    expect((await signIn(email, PASSWORD, "198.51.100.20")).status).toBe(200);
  });

  it("still stops brute force from one address, even with the right password", async () => {
    const email = await victim("Guessed");
    for (let i = 0; i < PER_PAIR; i++) expect((await signIn(email, `guess ${i}`, "203.0.113.11")).status).toBe(401);
    const res = await signIn(email, PASSWORD, "203.0.113.11");
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(60); // the 15-minute email window
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  });

  it("slows distributed attempts on one account with a growing delay, but never refuses the right password", async () => {
    const email = await victim("Sprayed");
    const delays: number[] = [];
    for (let i = 0; i < PER_EMAIL + 5; i++) {
      const res = await signIn(email, `spray ${i}`, `192.0.2.${i + 1}`);
      expect(res.status).toBe(401);
      delays.push(Number(res.headers.get(AUTH_DELAY_HEADER) ?? 0));
    }
    expect(delays).toEqual([...Array(PER_EMAIL).fill(0), 20, 40, 80, 160, 160]);
    const owner = await signIn(email, PASSWORD, "198.51.100.21");
    expect(owner.status).toBe(200);
    expect(Number(owner.headers.get(AUTH_DELAY_HEADER))).toBe(MAX_MS);
  });
});
