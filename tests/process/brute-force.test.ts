/**
 * Password guessing against two server processes sharing one PostgreSQL
 * database: the per-account and per-IP limits are counted in the database, so
 * spreading attempts over both processes gains the attacker nothing.
 * Since decision 013 the tight limit is per (email, client address): the
 * attacker's address is stopped, the owner's other address still gets in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer, type SpawnedServer } from "../support/spawn-server.ts";
import { createPostgresTestDatabase, postgresAvailable } from "../support/test-db.ts";
import { sessionAfterSignUp } from "../support/mailbox.ts";

const available = await postgresAvailable();
const PER_EMAIL = 5; // attempts per (email, client address)
const ATTACKER = "203.0.113.66";
const PER_IP = 12;
let db: Awaited<ReturnType<typeof createPostgresTestDatabase>>;
let servers: SpawnedServer[] = [];

beforeAll(async () => {
  if (!available) return;
  db = await createPostgresTestDatabase();
  const env = {
    DATABASE_URL: db.url,
    DATA_DIR: "memory://",
    BETTER_AUTH_SECRET: "brute-force-secret-brute-force-secret-01",
    RATE_LIMIT_AUTH_PER_EMAIL_IP: String(PER_EMAIL),
    RATE_LIMIT_AUTH_PER_EMAIL: String(PER_EMAIL),
    AUTH_DELAY_BASE_MS: "10",
    AUTH_DELAY_MAX_MS: "50",
    TRUST_PROXY: "loopback",
    RATE_LIMIT_AUTH_PER_IP: String(PER_IP),
  };
  // One after the other: the first applies the migrations.
  servers = [await spawnServer(env)];
  servers.push(await spawnServer(env));
}, 60_000);

afterAll(async () => {
  if (!available) return;
  expect(await Promise.all(servers.map((s) => s.stop()))).toEqual(servers.map(() => 0));
  await db?.drop();
});

const signIn = (server: SpawnedServer, email: string, password: string, ip = ATTACKER) =>
  fetch(`${server.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url, "x-forwarded-for": ip },
    body: JSON.stringify({ email, password }),
  });

describe.skipIf(!available)("sign-in brute force across two processes", () => {
  it("stops guessing one account from one address after the shared limit, on both processes", async () => {
    const [a, b] = servers as [SpawnedServer, SpawnedServer];
    expect(a.url).not.toBe(b.url);
    const email = "victim@example.com";
    const up = await fetch(`${a.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: a.url },
      body: JSON.stringify({ name: "Victim", email, password: "the real password" }),
    });
    expect(up.status).toBe(200);
    await sessionAfterSignUp(up, email, a.mailbox); // verified: only the limits decide below

    const statuses: number[] = [];
    for (let i = 0; i < PER_EMAIL + 4; i++) statuses.push((await signIn(i % 2 ? b : a, email, `guess number ${i}`)).status);
    expect(statuses).toEqual([...Array(PER_EMAIL).fill(401), ...Array(4).fill(429)]);

    // Even the right password is refused from the attacker's address, on either process (it cannot probe it)…
    for (const s of [a, b]) {
      const res = await signIn(s, email, "the real password");
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    }
    // …while the owner, from another address, is not locked out (changed on purpose by decision 013).
    expect((await signIn(b, email, "the real password", "198.51.100.7")).status).toBe(200);
  });

  it("stops spraying many accounts from one address after the shared per-IP limit", async () => {
    const [a, b] = servers as [SpawnedServer, SpawnedServer];
    // The previous test already spent PER_EMAIL attempts of this address's sign-in budget.
    const statuses: number[] = [];
    for (let i = 0; i < PER_IP; i++) statuses.push((await signIn(i % 2 ? b : a, `spray.${i}@example.com`, "Summer2026!")).status);
    const allowed = statuses.filter((s) => s === 401).length;
    expect(allowed).toBe(PER_IP - PER_EMAIL);
    expect(statuses.slice(allowed)).toEqual(Array(PER_IP - allowed).fill(429));
  });
});
