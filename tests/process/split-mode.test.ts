/**
 * The resource server runs on its own, in another process with its own
 * database, trusting only the remote issuer's JWKS.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer, type SpawnedServer } from "../support/spawn-server.ts";
import { mailboxFor, sessionAfterSignUp } from "../support/mailbox.ts";

const SECRET = "split-mode-secret-split-mode-secret-0123";
let dirs: string[] = [];
let issuer: SpawnedServer;
let api: SpawnedServer;

beforeAll(async () => {
  dirs = [mkdtempSync(join(tmpdir(), "tickler-issuer-")), mkdtempSync(join(tmpdir(), "tickler-api-"))];
  issuer = await spawnServer({ DATA_DIR: dirs[0]!, BETTER_AUTH_SECRET: SECRET });
  api = await spawnServer({
    DATA_DIR: dirs[1]!,
    AUTH_JWKS_URL: `${issuer.url}/.well-known/jwks.json`,
    AUTH_ISSUER: issuer.url,
    JWKS_COOLDOWN_SECONDS: "0",
  });
}, 60_000);

afterAll(async () => {
  await Promise.all([issuer?.stop(), api?.stop()]);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("split mode: issuer and resource server in two processes", () => {
  it("runs on two different ports", () => {
    expect(new URL(issuer.url).port).not.toBe(new URL(api.url).port);
  });

  it("a token from the issuer works on the resource server, which keeps its own data", async () => {
    const headers = { "content-type": "application/json", origin: issuer.url };
    const up = await fetch(`${issuer.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "Split", email: "split@example.com", password: "split mode pass" }),
    });
    expect(up.status).toBe(200);
    const cookie = await sessionAfterSignUp(up, "split@example.com", mailboxFor(issuer.url));
    const { token } = (await (await fetch(`${issuer.url}/api/auth/token`, { headers: { cookie, origin: issuer.url } })).json()) as {
      token: string;
    };
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };

    const created = await fetch(`${api.url}/api/me/tasks`, { method: "POST", headers: auth, body: JSON.stringify({ title: "split task" }) });
    expect(created.status).toBe(201);
    const listed = (await (await fetch(`${api.url}/api/me/tasks`, { headers: auth })).json()) as { tasks: { title: string }[] };
    expect(listed.tasks.map((t) => t.title)).toEqual(["split task"]);

    // The issuer's own database has no such task: the two processes share only keys.
    const onIssuer = (await (await fetch(`${issuer.url}/api/me/tasks`, { headers: auth })).json()) as { tasks: unknown[] };
    expect(onIssuer.tasks).toEqual([]);
  });

  it("the resource server does not issue tokens", async () => {
    expect((await fetch(`${api.url}/api/auth/jwks`)).status).toBe(404);
  });

  it("answers 503 auth_unavailable for a new key when the issuer is down, then exits 0 on SIGTERM", async () => {
    await issuer.stop();
    const forged = `${Buffer.from('{"alg":"EdDSA","kid":"rotated"}').toString("base64url")}.e30.c2ln`;
    const res = await fetch(`${api.url}/api/me/tasks`, { headers: { authorization: `Bearer ${forged}` } });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("auth_unavailable");
    expect(await api.stop()).toBe(0);
  });
});
