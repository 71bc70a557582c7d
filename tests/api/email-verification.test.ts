/**
 * Email verification (decision 021): sign-up answers alike for new and taken
 * addresses, the link verifies and signs in, an unverified sign-in looks like a
 * wrong password, reset requests do the same work for unknown addresses, and an
 * email change is verified at the new address with a notice to the old one.
 */
import { randomBytes } from "node:crypto";
import { count, like } from "drizzle-orm";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verification } from "../../src/db/schema/auth.ts";
import { RESET_DECOY_PREFIX } from "../../src/issuer/hardening.ts";
import { followVerificationLink } from "../support/mailbox.ts";
import { createTestApp, TEST_ORIGIN, TEST_SECRET, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const json = { "content-type": "application/json", origin: TEST_ORIGIN };
const PASSWORD = "correct horse battery";
const address = (who: string) => `${who}.${randomBytes(4).toString("hex")}@example.com`;
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  t.request(`/api/auth${path}`, { method: "POST", headers: { ...json, ...headers }, body: JSON.stringify(body) });
const signUp = (email: string, name = "Vera Verify", password = PASSWORD) =>
  post("/sign-up/email", { name, email, password, callbackURL: "/email-verified" });
/** The in-process path of an emailed link. */
const path = (link: string) => link.slice(TEST_ORIGIN.length);

/** A body with what must differ between two sign-ups (ids, clocks) blanked out. */
function shape(body: { user?: Record<string, unknown> }) {
  const user = body.user ?? {};
  return {
    ...body,
    user: { ...user, id: typeof user.id, createdAt: typeof user.createdAt, updatedAt: typeof user.updatedAt },
  };
}

describe("sign-up", () => {
  it("answers a taken address exactly like a new one, and mails its owner instead", async () => {
    const taken = (await t.signUp("Owner Olga")).email;
    const fresh = address("fresh");
    const since = t.mailbox.mails.length;
    const [a, b] = [await signUp(taken, "Same Name"), await signUp(fresh, "Same Name")];
    expect(a.status).toBe(200);
    expect(b.status).toBe(a.status);
    const [bodyA, bodyB] = [(await a.json()) as Record<string, unknown>, (await b.json()) as Record<string, unknown>];
    expect({ ...shape(bodyA), user: { ...shape(bodyA).user, email: "x" } }).toEqual({
      ...shape(bodyB),
      user: { ...shape(bodyB).user, email: "x" },
    });
    expect(bodyA.token).toBeNull();
    expect((bodyA.user as { emailVerified: boolean }).emailVerified).toBe(false);
    // Neither answer signs anyone in.
    for (const res of [a, b]) expect(res.headers.get("set-cookie") ?? "").not.toMatch(/session_token=[^;]+/);
    await expect
      .poll(() => t.mailbox.mails.slice(since).map((m) => [m.to, m.subject]))
      .toEqual(
        expect.arrayContaining([
          [taken, "Someone tried to sign up to Tickler with your address"],
          [fresh, "Verify your email for Tickler"],
        ]),
      );
    const notice = t.mailbox.mails.slice(since).find((m) => m.to === taken)!;
    expect(notice.text).toContain(`${TEST_ORIGIN}/forgot-password`);
    // The owner's account is untouched: the other password does not get in.
    expect((await post("/sign-in/email", { email: taken, password: PASSWORD })).status).toBe(200);
  });

  it("verifies with the emailed link, which signs in and lands on the callback", async () => {
    const email = address("linked");
    expect((await signUp(email)).status).toBe(200);
    const link = await t.mailbox.linkFor(email);
    expect(link).toMatch(new RegExp(`^${TEST_ORIGIN}/api/auth/verify-email\\?token=`));
    let landed: Response | undefined;
    const cookie = await followVerificationLink(
      link,
      async (l) => (landed = await t.request(path(l), { redirect: "manual" })),
    );
    expect(landed!.status).toBe(302);
    expect(landed!.headers.get("location")).toBe("/email-verified");
    const session = await t.request("/api/auth/get-session", { headers: { cookie, origin: TEST_ORIGIN } });
    expect(((await session.json()) as { user: { email: string; emailVerified: boolean } }).user).toMatchObject({
      email,
      emailVerified: true,
    });
    expect((await post("/sign-in/email", { email, password: PASSWORD })).status).toBe(200);
  });

  it("refuses an unverified sign-in exactly like a wrong password, and mails a fresh link", async () => {
    const email = address("unverified");
    await signUp(email);
    await t.mailbox.linkFor(email);
    const since = t.mailbox.mails.length;
    const right = await post("/sign-in/email", { email, password: PASSWORD });
    const wrong = await post("/sign-in/email", { email, password: "not the password at all" });
    expect(right.status).toBe(401);
    expect(right.status).toBe(wrong.status);
    const strip = (b: { error: Record<string, unknown> }) => ({ ...b, error: { ...b.error, request_id: "" } });
    expect(strip((await right.json()) as never)).toEqual(strip((await wrong.json()) as never));
    const fresh = await t.mailbox.linkFor(email, { since });
    await followVerificationLink(fresh, (l) => t.request(path(l)));
    expect((await post("/sign-in/email", { email, password: PASSWORD })).status).toBe(200);
  });

  it("lands an expired or garbled link on the callback with a clear error code", async () => {
    const email = address("expired");
    await signUp(email);
    await t.mailbox.linkFor(email);
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ email })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 3600)
      .sign(new TextEncoder().encode(TEST_SECRET));
    const cases = [
      [expired, "TOKEN_EXPIRED"],
      ["not-a-token", "INVALID_TOKEN"],
    ] as const;
    for (const [token, code] of cases) {
      const landed = await t.request(`/api/auth/verify-email?token=${token}&callbackURL=%2Femail-verified`, {
        redirect: "manual",
      });
      expect(landed.status).toBe(302);
      expect(landed.headers.get("location")).toBe(`/email-verified?error=${code}`);
      expect(landed.headers.get("set-cookie") ?? "").not.toMatch(/session_token=[^;]+/);
      const bare = await t.request(`/api/auth/verify-email?token=${token}`);
      expect(bare.status).toBe(401);
      expect(((await bare.json()) as { error: { code: string } }).error.code).toBe(code.toLowerCase());
    }
    // Still unverified: the expired link did nothing.
    expect((await post("/sign-in/email", { email, password: PASSWORD })).status).toBe(401);
  });
});

describe("password reset requests", () => {
  const rows = async (prefix: string) =>
    (
      await t.tickler.database.db
        .select({ n: count() })
        .from(verification)
        .where(like(verification.identifier, `${prefix}%`))
    )[0]!.n;

  it("do the same database work and answer the same for unknown and known addresses", async () => {
    const known = (await t.signUp("Reset Known")).email;
    const answers: unknown[] = [];
    // One verification row written either way: a real reset token, or an inert decoy.
    for (const [email, written] of [
      [known, "reset-password:"],
      [address("nobody"), RESET_DECOY_PREFIX],
    ] as const) {
      const before = { real: await rows("reset-password:"), decoy: await rows(RESET_DECOY_PREFIX) };
      const res = await post("/request-password-reset", { email, redirectTo: "/reset-password" });
      expect(res.status).toBe(200);
      answers.push(await res.json());
      const after = { real: await rows("reset-password:"), decoy: await rows(RESET_DECOY_PREFIX) };
      expect(after.real + after.decoy).toBe(before.real + before.decoy + 1);
      expect(await rows(written)).toBe(written === RESET_DECOY_PREFIX ? before.decoy + 1 : before.real + 1);
    }
    expect(answers[0]).toEqual(answers[1]);
  });
});

describe("email change", () => {
  it("changes the address once the link sent to the new one is opened, and tells the old one", async () => {
    const u = await t.signUp("Changing Chris");
    const to = address("new-home");
    const since = t.mailbox.mails.length;
    const res = await post(
      "/change-email",
      { newEmail: to, callbackURL: "/account?email=changed" },
      { cookie: u.cookie },
    );
    expect(res.status).toBe(200);
    await expect.poll(() => t.mailbox.mails.slice(since).some((m) => m.to === u.email)).toBe(true);
    const old = t.mailbox.mails.slice(since).find((m) => m.to === u.email)!;
    expect(old.subject).toBe("Your Tickler address is being changed");
    expect(old.text).toContain(to);
    expect(old.text).not.toMatch(/https?:\/\/\S+verify-email/); // the link goes only to the new address
    // Not yet changed.
    expect((await post("/sign-in/email", { email: u.email, password: PASSWORD })).status).toBe(200);
    const link = await t.mailbox.linkFor(to, { since });
    const opened = await t.request(path(link), { redirect: "manual", headers: { cookie: u.cookie } });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe("/account?email=changed");
    expect((await post("/sign-in/email", { email: u.email, password: PASSWORD })).status).toBe(401);
    const signIn = await post("/sign-in/email", { email: to, password: PASSWORD });
    expect(signIn.status).toBe(200);
    expect(((await signIn.json()) as { user: { email: string; emailVerified: boolean } }).user).toMatchObject({
      email: to,
      emailVerified: true,
    });
  });

  it("answers a taken address like a free one, and bounds the address", async () => {
    const u = await t.signUp("Changing Cleo");
    const other = await t.signUp("Taken Tom");
    const taken = await post("/change-email", { newEmail: other.email }, { cookie: u.cookie });
    const free = await post("/change-email", { newEmail: address("free") }, { cookie: u.cookie });
    expect(taken.status).toBe(200);
    expect(await taken.json()).toEqual(await free.json());
    const long = await post("/change-email", { newEmail: `${"a".repeat(250)}@example.com` }, { cookie: u.cookie });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: { code: string } }).error.code).toBe("invalid_email");
    expect((await post("/change-email", { newEmail: address("anon") })).status).toBe(401);
  });
});
