/**
 * Display names are 1–100 characters without control characters and emails at
 * most 254, on sign-up and on update; so a token stays far below the verifier's
 * 8 KB bound (a 20,000-character name once made every API call answer 431).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMAIL_MAX, NAME_MAX } from "../../src/contracts/auth.ts";
import { MAX_TOKEN_LENGTH } from "../../src/resource/verify-jwt.ts";
import { inProcess, sessionAfterSignUp } from "../support/mailbox.ts";
import { createTestApp, TEST_ORIGIN, type TestApp } from "../support/test-app.ts";

const json = { "content-type": "application/json", origin: TEST_ORIGIN };
const PASSWORD = "correct horse battery";
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (path: string, body: unknown, cookie?: string) =>
  t.request(path, { method: "POST", headers: { ...json, ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
const address = (local = "bounds") => `${local}.${randomBytes(3).toString("hex")}@example.com`;

async function expectRefused(res: Response, code: string, what: string) {
  expect(res.status, what).toBe(400);
  expect(((await res.json()) as { error: { code: string } }).error.code, what).toBe(code);
}

describe("profile bounds", () => {
  it("refuses long, blank or control-character names at sign-up", async () => {
    for (const name of ["x".repeat(20_000), "x".repeat(NAME_MAX + 1), "   ", "Eve\u0000", "Eve\nAdmin", "\u202Eevil"]) {
      await expectRefused(await post("/api/auth/sign-up/email", { name, email: address(), password: PASSWORD }), "invalid_name", JSON.stringify(name.slice(0, 20)));
    }
  });

  it("refuses an email longer than 254 characters", async () => {
    const long = `${"a".repeat(64)}@${"b".repeat(EMAIL_MAX - 64 - 1 - 4 + 1)}.com`;
    expect(long.length).toBe(EMAIL_MAX + 1);
    await expectRefused(await post("/api/auth/sign-up/email", { name: "Long", email: long, password: PASSWORD }), "invalid_email", "sign-up");
  });

  it("keeps a max-length name's token well under the verifier's bound", async () => {
    const name = "Ω".repeat(NAME_MAX); // 2 bytes each in UTF-8, before base64
    const email = `${"m".repeat(64)}.${randomBytes(3).toString("hex")}@${"d".repeat(60)}.example.com`;
    const up = await post("/api/auth/sign-up/email", { name, email, password: PASSWORD });
    expect(up.status).toBe(200);
    const token = await t.tokenFor(await sessionAfterSignUp(up, email, t.mailbox, inProcess((p, i) => t.request(p, i), TEST_ORIGIN)));
    expect(token.length).toBeLessThan(MAX_TOKEN_LENGTH / 4);
    const res = await t.request("/api/me/tasks", { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  });

  it("applies the same bounds when the name is updated", async () => {
    const u = await t.signUp("Updater");
    await expectRefused(await post("/api/auth/update-user", { name: "y".repeat(20_000) }, u.cookie), "invalid_name", "long");
    await expectRefused(await post("/api/auth/update-user", { name: "a\u0007b" }, u.cookie), "invalid_name", "bell");
    expect((await post("/api/auth/update-user", { name: "z".repeat(NAME_MAX) }, u.cookie)).status).toBe(200);
    const token = await t.tokenFor(u.cookie);
    expect(token.length).toBeLessThan(MAX_TOKEN_LENGTH / 4);
  });
});
