/**
 * Account lifecycle: password reset (single use, expiring), change password
 * (other sessions revoked), sessions list/revoke, delete account (all data
 * gone), and "export all my data".
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowLimits } from "../../src/config/env.ts";
import { conversations, messages } from "../../src/db/schema/conversations.ts";
import { createConversation } from "../../src/domain/conversations/service.ts";
import { createTask } from "../../src/domain/tasks/service.ts";
import { taskCounters, tasks } from "../../src/db/schema/tasks.ts";
import { verification } from "../../src/db/schema/auth.ts";
import { MAIL_LOG_MESSAGE } from "../../src/issuer/mailer.ts";
import { createLogger } from "../../src/http/logger.ts";
import { createTestApp, TEST_ORIGIN, type TestApp, type TestUser } from "../support/test-app.ts";

const PASSWORD = "correct horse battery"; // what createTestApp's signUp uses
const json = { "content-type": "application/json", origin: TEST_ORIGIN };
const logLines: string[] = [];
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, { logger: createLogger("info", (line) => void logLines.push(line)) });
});
afterAll(() => t.close());

const post = (path: string, body: unknown, cookie?: string) =>
  t.request(path, { method: "POST", headers: { ...json, ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });

async function signIn(email: string, password: string): Promise<{ status: number; cookie?: string }> {
  const res = await post("/api/auth/sign-in/email", { email, password });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  return { status: res.status, ...(res.status === 200 && cookie ? { cookie } : {}) };
}

const tokenStatus = async (cookie: string) =>
  (await t.request("/api/auth/token", { headers: { cookie, origin: TEST_ORIGIN } })).status;

/** The reset link from the (logged, test-mode) email to `to`. */
function resetLinkFor(to: string): string | undefined {
  for (const line of [...logLines].reverse()) {
    const entry = JSON.parse(line) as { msg: string; mail?: { to: string; text: string } };
    if (entry.msg === MAIL_LOG_MESSAGE && entry.mail?.to === to) return /https?:\/\/\S+/.exec(entry.mail.text)?.[0];
  }
  return undefined;
}

async function requestReset(user: TestUser): Promise<string> {
  const res = await post("/api/auth/request-password-reset", { email: user.email, redirectTo: `${TEST_ORIGIN}/reset` });
  expect(res.status).toBe(200);
  const link = resetLinkFor(user.email);
  expect(link).toBeDefined();
  return new URL(link!).pathname.split("/").at(-1)!;
}

describe("password reset", () => {
  it("mails a link whose token sets a new password once, ending every session", async () => {
    const u = await t.signUp("Forgetful");
    const token = await requestReset(u);
    const mailLine = logLines.find((l) => l.includes(MAIL_LOG_MESSAGE) && l.includes(u.email))!;
    expect(JSON.parse(mailLine).request_id).toBeTruthy(); // the mail log line names its request

    // The emailed link redirects to the web app's reset page with the token.
    const link = await t.request(`/api/auth/reset-password/${token}?callbackURL=${encodeURIComponent(`${TEST_ORIGIN}/reset`)}`);
    expect(link.status).toBe(302);
    expect(link.headers.get("location")).toBe(`${TEST_ORIGIN}/reset?token=${token}`);

    const reset = await post("/api/auth/reset-password", { token, newPassword: "a brand new password" });
    expect(reset.status).toBe(200);
    expect((await signIn(u.email, PASSWORD)).status).toBe(401);
    expect((await signIn(u.email, "a brand new password")).status).toBe(200);
    expect(await tokenStatus(u.cookie)).toBe(401); // the session from before the reset is gone

    const reuse = await post("/api/auth/reset-password", { token, newPassword: "yet another password" });
    expect(reuse.status).toBe(400);
    expect((await signIn(u.email, "yet another password")).status).toBe(401);
  });

  it("refuses an expired token", async () => {
    const u = await t.signUp("Slow Reader");
    const token = await requestReset(u);
    await t.tickler.database.db
      .update(verification)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(verification.identifier, `reset-password:${token}`));
    const res = await post("/api/auth/reset-password", { token, newPassword: "a brand new password" });
    expect(res.status).toBe(400);
    expect((await signIn(u.email, PASSWORD)).status).toBe(200);
  });

  it("never resets by email alone, and does not reveal whether an address has an account", async () => {
    const u = await t.signUp("Target");
    expect((await post("/api/auth/reset-password", { newPassword: "attacker password" })).status).toBe(400);
    expect((await post("/api/auth/reset-password", { email: u.email, newPassword: "attacker password" })).status).toBe(400);
    expect((await post("/api/auth/reset-password", { token: "guessed-token-123", newPassword: "attacker password" })).status).toBe(400);

    const known = await post("/api/auth/request-password-reset", { email: u.email });
    const unknown = await post("/api/auth/request-password-reset", { email: "nobody.here@example.com" });
    expect(unknown.status).toBe(known.status);
    expect(await unknown.json()).toEqual(await known.json());
    expect(resetLinkFor("nobody.here@example.com")).toBeUndefined();
    expect((await signIn(u.email, PASSWORD)).status).toBe(200);
  });
});

describe("change password and sessions", () => {
  it("changing the password revokes the other sessions even when the client does not ask", async () => {
    const u = await t.signUp("Changer");
    const other = (await signIn(u.email, PASSWORD)).cookie!;
    const wrong = await post("/api/auth/change-password", { currentPassword: "not it at all", newPassword: "new password 123" }, u.cookie);
    expect(wrong.status).toBe(400);

    const res = await post("/api/auth/change-password", { currentPassword: PASSWORD, newPassword: "new password 123", revokeOtherSessions: false }, u.cookie);
    expect(res.status).toBe(200);
    expect(await tokenStatus(other)).toBe(401);
    const current = res.headers.get("set-cookie")?.split(";")[0] ?? u.cookie; // Better Auth re-issues this session
    expect(await tokenStatus(current)).toBe(200);
    expect((await signIn(u.email, "new password 123")).status).toBe(200);
  });

  it("lists the user's sessions and revokes one", async () => {
    const u = await t.signUp("Many Devices");
    const laptop = (await signIn(u.email, PASSWORD)).cookie!;
    const list = await t.request("/api/auth/list-sessions", { headers: { cookie: u.cookie, origin: TEST_ORIGIN } });
    expect(list.status).toBe(200);
    const sessions = (await list.json()) as { token: string; userId: string }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.every((s) => s.userId === u.id)).toBe(true);

    const laptopToken = decodeURIComponent(laptop.split("=")[1]!).split(".")[0]!;
    expect(sessions.map((s) => s.token)).toContain(laptopToken);
    expect((await post("/api/auth/revoke-session", { token: laptopToken }, u.cookie)).status).toBe(200);
    expect(await tokenStatus(laptop)).toBe(401);
    expect(await tokenStatus(u.cookie)).toBe(200);
  });

  it("cannot revoke another user's session", async () => {
    const a = await t.signUp("Owner");
    const b = await t.signUp("Other");
    const bToken = decodeURIComponent(b.cookie.split("=")[1]!).split(".")[0]!;
    await post("/api/auth/revoke-session", { token: bToken }, a.cookie);
    expect(await tokenStatus(b.cookie)).toBe(200);
  });
});

describe("delete account", () => {
  it("needs the password, then removes the user and all their data; their token gets nothing back", async () => {
    const u = await t.signUp("Leaving");
    const bystander = await t.signUp("Staying");
    for (const title of ["one", "two", "three"]) expect((await t.api(u, "POST", "/api/me/tasks", { title })).status).toBe(201);
    expect((await t.api(bystander, "POST", "/api/me/tasks", { title: "mine" })).status).toBe(201);
    const db = t.tickler.database.db;
    const [conv] = await db.insert(conversations).values({ userId: u.id, title: "Chat" }).returning();
    await db.insert(messages).values([
      { conversationId: conv!.id, userId: u.id, role: "user", text: "hi" },
      { conversationId: conv!.id, userId: u.id, role: "assistant", text: "hello" },
    ]);

    const noPassword = await post("/api/auth/delete-user", {}, u.cookie);
    expect(noPassword.status).toBe(400);
    expect(((await noPassword.json()) as { code: string }).code).toBe("PASSWORD_REQUIRED");
    expect((await post("/api/auth/delete-user", { password: "not my password" }, u.cookie)).status).toBe(400);
    expect((await db.select().from(tasks).where(eq(tasks.userId, u.id))).length).toBe(3);

    const res = await post("/api/auth/delete-user", { password: PASSWORD }, u.cookie);
    expect(res.status).toBe(200);

    expect(await db.select().from(tasks).where(eq(tasks.userId, u.id))).toEqual([]);
    expect(await db.select().from(taskCounters).where(eq(taskCounters.userId, u.id))).toEqual([]);
    expect(await db.select().from(conversations).where(eq(conversations.userId, u.id))).toEqual([]);
    expect(await db.select().from(messages).where(eq(messages.userId, u.id))).toEqual([]);
    const users = (await db.execute<{ n: number }>(sql`select count(*)::int as n from "user" where id = ${u.id}`)) as { rows: [{ n: number }] };
    const n = users.rows[0].n;
    expect(n).toBe(0);
    expect((await db.select().from(tasks).where(eq(tasks.userId, bystander.id))).length).toBe(1);

    // Sessions are gone, and with them the still-unexpired JWT: refused on every surface (issue 14 item 5).
    expect(await tokenStatus(u.cookie)).toBe(401);
    expect((await signIn(u.email, PASSWORD)).status).toBe(401);
    const refused = async (res: Response) => {
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("token_revoked");
    };
    await refused(await t.api(u, "GET", "/api/me/tasks"));
    await refused(await t.api(u, "GET", "/api/me/export"));
    await refused(await t.api(u, "POST", "/api/me/tasks", { title: "ghost" }));
    await refused(await t.api(u, "POST", "/api/me/chat", { message: "add ghost task" }));
    const mcp = await t.request("/mcp", {
      method: "POST",
      headers: { ...u.headers, accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "add_task", arguments: { title: "ghost" } } }),
    });
    await refused(mcp);
    // A token without a sid (minted before sids existed) still cannot leave rows behind: the domain refuses.
    const limits = rowLimits(t.tickler.config);
    await expect(createTask(db, u.id, { title: "ghost" }, limits)).rejects.toMatchObject({ code: "account_deleted" });
    await expect(createConversation(db, u.id, "ghost", limits)).rejects.toMatchObject({ code: "account_deleted" });
    expect(await db.select().from(tasks).where(eq(tasks.userId, u.id))).toEqual([]);
    expect(await db.select().from(conversations).where(eq(conversations.userId, u.id))).toEqual([]);
  });
});

describe("export all my data", () => {
  it("returns profile, tasks and conversations with messages, only the caller's", async () => {
    const u = await t.signUp("Exporter");
    const other = await t.signUp("Someone Else");
    await t.api(u, "POST", "/api/me/tasks", { title: "Buy milk", tags: ["home"], priority: "high" });
    await t.api(u, "POST", "/api/me/tasks", { title: "Call mom", due_at: "2030-01-01T10:00:00Z" });
    await t.api(other, "POST", "/api/me/tasks", { title: "Not yours" });
    const db = t.tickler.database.db;
    const [conv] = await db.insert(conversations).values({ userId: u.id, title: "Groceries" }).returning();
    await db.insert(messages).values([
      { conversationId: conv!.id, userId: u.id, role: "user", text: "add milk" },
      { conversationId: conv!.id, userId: u.id, role: "assistant", text: "Added.", toolCalls: [{ id: "c1", tool: "add_task", arguments: { title: "Buy milk" }, result: { id: 1 } }] },
    ]);

    const res = await t.api(u, "GET", `/api/${u.id}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="tickler-export-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as {
      format_version: number;
      profile: { id: string; email: string; name: string };
      tasks: { title: string; priority: string }[];
      conversations: { title: string; messages: { role: string; text: string; tool_calls: unknown[] }[] }[];
    };
    expect(body.format_version).toBe(2);
    expect(body.profile).toEqual({ id: u.id, email: u.email, name: u.name });
    expect(body.tasks.map((x) => x.title)).toEqual(["Buy milk", "Call mom"]);
    expect(body.tasks[0]!.priority).toBe("high");
    expect(body.conversations).toHaveLength(1);
    expect(body.conversations[0]!.title).toBe("Groceries");
    expect(body.conversations[0]!.messages.map((m) => [m.role, m.text])).toEqual([
      ["user", "add milk"],
      ["assistant", "Added."],
    ]);
    expect(body.conversations[0]!.messages[1]!.tool_calls).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain("Not yours");
  });

  it("needs a token, and only ever exports the token's own user", async () => {
    const u = await t.signUp("Nosy");
    const victim = await t.signUp("Victim");
    expect((await t.request("/api/me/export")).status).toBe(401);
    expect((await t.request("/api/me/export", { headers: { cookie: u.cookie } })).status).toBe(401);
    const res = await t.api(u, "GET", `/api/${victim.id}/export`);
    expect(res.status).toBe(403);
  });
});
