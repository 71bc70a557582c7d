/**
 * A JWT stops working as soon as its session ends — sign-out, "sign out all
 * other devices", password change — on every surface (REST, chat, MCP,
 * ChatKit), even while the verified-token cache holds it; on other replicas
 * of one PostgreSQL; and after a restart.
 * @see issue 14 item 5
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.ts";
import { createTickler, type Tickler } from "../../src/server/create-app.ts";
import { createLogger } from "../../src/http/logger.ts";
import { createMailer } from "../../src/issuer/mailer.ts";
import { createMailbox, inProcess, sessionAfterSignUp } from "../support/mailbox.ts";
import { useReplicas } from "../support/replicas.ts";
import { createTestApp, TEST_ENV, TEST_ORIGIN, type TestApp, type TestUser } from "../support/test-app.ts";

const PASSWORD = "correct horse battery";
type Req = (path: string, init?: RequestInit) => Promise<Response>;
const via = (r: Tickler): Req => (path, init) => Promise.resolve(r.app.request(`${TEST_ORIGIN}${path}`, init));

const auth = (req: Req, path: string, cookie: string | undefined, body: unknown = {}) =>
  req(`/api/auth${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: TEST_ORIGIN, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
const cookieOf = (res: Response) => res.headers.get("set-cookie")!.split(";")[0]!;
const signIn = async (req: Req, email: string) => {
  const res = await auth(req, "/sign-in/email", undefined, { email, password: PASSWORD });
  expect(res.status, await res.clone().text()).toBe(200);
  return cookieOf(res);
};
const tokenOf = async (req: Req, cookie: string) => {
  const res = await req("/api/auth/token", { headers: { cookie, origin: TEST_ORIGIN } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
};
const bearer = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });

/** The token's status on REST, chat, MCP and ChatKit (401 everywhere once revoked). */
async function surfaces(req: Req, token: string) {
  const headers = bearer(token);
  const rest = await req("/api/me/tasks", { headers });
  const chat = await req("/api/me/chat", { method: "POST", headers, body: JSON.stringify({ message: "what's overdue?" }) });
  const mcp = await req("/mcp", {
    method: "POST",
    headers: { ...headers, accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
  });
  const chatkit = await req("/api/chatkit", { method: "POST", headers, body: JSON.stringify({ type: "threads.list", params: {} }) });
  const codes = await Promise.all(
    [rest, chat, mcp, chatkit].map(async (r) => (r.status === 401 ? ((await r.json()) as { error: { code: string } }).error.code : r.status)),
  );
  return { rest: codes[0], chat: codes[1], mcp: codes[2], chatkit: codes[3] };
}
const OK = { rest: 200, chat: 200, mcp: 200, chatkit: 200 };
const REVOKED = { rest: "token_revoked", chat: "token_revoked", mcp: "token_revoked", chatkit: "token_revoked" };

describe("on one server", () => {
  let t: TestApp;
  let req: Req;
  beforeAll(async () => {
    t = await createTestApp();
    req = t.request.bind(t);
  });
  afterAll(() => t.close());

  it("signing out refuses that session's token at once, though it was verified (and cached) before", async () => {
    const u: TestUser = await t.signUp("Leaver");
    expect(await surfaces(req, u.token)).toEqual(OK);
    expect((await auth(req, "/sign-out", u.cookie)).status).toBe(200);
    expect(await surfaces(req, u.token)).toEqual(REVOKED);
  });

  it("signing out all other devices refuses their tokens and keeps this one's", async () => {
    const u = await t.signUp("Two Devices");
    const laptop = await tokenOf(req, u.cookie);
    const phoneCookie = await signIn(req, u.email);
    const phone = await tokenOf(req, phoneCookie);
    expect(await surfaces(req, phone)).toEqual(OK);
    expect((await auth(req, "/revoke-other-sessions", u.cookie)).status).toBe(200);
    expect(await surfaces(req, phone)).toEqual(REVOKED);
    expect(await surfaces(req, laptop)).toEqual(OK);
    // And the phone's cookie no longer mints tokens.
    expect((await req("/api/auth/token", { headers: { cookie: phoneCookie, origin: TEST_ORIGIN } })).status).toBe(401);
  });

  it("revoking one session refuses only its tokens", async () => {
    const u = await t.signUp("One Of Three");
    const other = await tokenOf(req, await signIn(req, u.email));
    const sessions = (await (await req("/api/auth/list-sessions", { headers: { cookie: u.cookie, origin: TEST_ORIGIN } })).json()) as { token: string }[];
    const own = u.cookie.split("=")[1]!.split(".")[0]!;
    const target = sessions.find((s) => s.token !== decodeURIComponent(own))!;
    expect((await auth(req, "/revoke-session", u.cookie, { token: target.token })).status).toBe(200);
    expect((await surfaces(req, other)).rest).toBe("token_revoked");
    expect((await surfaces(req, u.token)).rest).toBe(200);
  });

  it("changing the password with 'sign out other devices' refuses the other devices' tokens", async () => {
    const u = await t.signUp("Changer");
    const phone = await tokenOf(req, await signIn(req, u.email));
    const res = await auth(req, "/change-password", u.cookie, { currentPassword: PASSWORD, newPassword: "a new horse battery staple", revokeOtherSessions: true });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await surfaces(req, phone)).toEqual(REVOKED);
    // The changing device carries on with its new session.
    expect((await surfaces(req, await tokenOf(req, cookieOf(res)))).rest).toBe(200);
  });

  it("another user's sign-out does not touch my token", async () => {
    const [a, b] = await Promise.all([t.signUp("Stayer"), t.signUp("Goer")]);
    expect((await auth(req, "/sign-out", b.cookie)).status).toBe(200);
    expect(await surfaces(req, a.token)).toEqual(OK);
  });
});

describe.skipIf(process.env.TEST_DB !== "postgres")("replicas on one PostgreSQL", () => {
  const replicas = useReplicas();

  it("a sign-out on one replica reaches the others, and a replica started later knows it", async () => {
    const [a, b] = (await replicas.start(2)).map(via) as [Req, Req];
    const up = await auth(a, "/sign-up/email", undefined, { name: "Replica", email: "replica.revoke@example.com", password: PASSWORD });
    const cookie = await sessionAfterSignUp(up, "replica.revoke@example.com", replicas.mailbox, inProcess(a, TEST_ORIGIN));
    const token = await tokenOf(a, cookie);
    expect(await surfaces(b, token)).toEqual(OK);

    expect((await auth(a, "/sign-out", cookie)).status).toBe(200);
    expect(await surfaces(a, token)).toEqual(REVOKED);
    // The other replica hears the NOTIFY (asynchronously: wait for it, not for a time).
    await expect.poll(async () => (await surfaces(b, token)).rest).toBe("token_revoked");
    expect(await surfaces(b, token)).toEqual(REVOKED);

    const [late] = (await replicas.start(1)) as [Tickler];
    expect(await surfaces(via(late), token)).toEqual(REVOKED);
  });
});

describe.skipIf(process.env.TEST_DB === "postgres")("restart on PGlite", () => {
  const dir = mkdtempSync(join(tmpdir(), "tickler-revoke-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a restarted server still refuses a token whose session ended before the restart", async () => {
    const config = loadConfig({ ...TEST_ENV, DATA_DIR: dir });
    const mailbox = createMailbox();
    const first = await createTickler(config, createLogger("silent"), { mailer: mailbox.wrap(await createMailer(config, createLogger("silent"))) });
    let token: string;
    try {
      const up = await auth(via(first), "/sign-up/email", undefined, { name: "Restart", email: "restart.revoke@example.com", password: PASSWORD });
      const cookie = await sessionAfterSignUp(up, "restart.revoke@example.com", mailbox, inProcess(via(first), TEST_ORIGIN));
      token = await tokenOf(via(first), cookie);
      expect((await auth(via(first), "/sign-out", cookie)).status).toBe(200);
    } finally {
      await first.close();
    }
    const second = await createTickler(config, createLogger("silent"));
    try {
      expect(await surfaces(via(second), token)).toEqual(REVOKED);
    } finally {
      await second.close();
    }
  });
});
