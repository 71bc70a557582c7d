/**
 * NIST SP 800-63B: at least 8 characters, and no common or context-specific
 * password — on sign-up, reset and change, from the one policy in contracts/auth.ts.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordProblem } from "../../src/contracts/auth.ts";
import { loadStrengthCheck } from "../../src/contracts/password-strength.ts";
import { MAIL_LOG_MESSAGE } from "../../src/issuer/mailer.ts";
import { createLogger } from "../../src/http/logger.ts";
import { createTestApp, TEST_ORIGIN, type TestApp } from "../support/test-app.ts";

const json = { "content-type": "application/json", origin: TEST_ORIGIN };
const WEAK = ["password", "12345678", "        ", "qwertyuiop", "iloveyou123"];
const logLines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { logger: createLogger("info", (line) => void logLines.push(line)) });
});
afterAll(() => t.close());

const post = (path: string, body: unknown, cookie?: string) =>
  t.request(path, { method: "POST", headers: { ...json, ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
const email = (name: string) => `${name}.${randomBytes(3).toString("hex")}@example.com`;

async function expectWeak(res: Response, what: string) {
  expect(res.status, what).toBe(400);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code, what).toBe("password_too_weak");
  expect(body.error.message, what).toMatch(/too easy to guess/);
}

describe("password policy", () => {
  it("refuses common passwords at sign-up with a human message", async () => {
    for (const password of WEAK) await expectWeak(await post("/api/auth/sign-up/email", { name: "Weak", email: email("weak"), password }), JSON.stringify(password));
  });

  it("refuses passwords made of the account's own words or the site's name", async () => {
    const address = email("margarethe.lindqvist");
    for (const password of [address, "margarethe1", "lindqvist2", "tickler123", "Margarethe Lindqvist"]) {
      const res = await post("/api/auth/sign-up/email", { name: "Margarethe Lindqvist", email: address, password });
      await expectWeak(res, password);
    }
  });

  it("accepts an uncommon passphrase, and says the same as the shared definition", async () => {
    const check = await loadStrengthCheck();
    for (const password of [...WEAK, "correct horse battery", "mcp client pass"]) {
      const ok = passwordProblem(password, { email: "x@example.com", name: "X" }, check) === null;
      const res = await post("/api/auth/sign-up/email", { name: "X", email: email("x"), password });
      expect(res.status === 200, password).toBe(ok);
    }
  });

  it("applies to change-password and reset-password too", async () => {
    const u = await t.signUp("Changer");
    await expectWeak(await post("/api/auth/change-password", { currentPassword: "correct horse battery", newPassword: "12345678" }, u.cookie), "change");
    await expectWeak(await post("/api/auth/change-password", { currentPassword: "correct horse battery", newPassword: "changer123" }, u.cookie), "change (own name)");

    expect((await post("/api/auth/request-password-reset", { email: u.email, redirectTo: `${TEST_ORIGIN}/reset` })).status).toBe(200);
    const line = [...logLines].reverse().find((l) => l.includes(MAIL_LOG_MESSAGE) && l.includes(u.email))!;
    const token = new URL(/https?:\/\/[^\s"\\]+/.exec(JSON.parse(line).mail.text)![0]).pathname.split("/").at(-1)!;
    await expectWeak(await post("/api/auth/reset-password", { token, newPassword: "password" }), "reset");
    await expectWeak(await post("/api/auth/reset-password", { token, newPassword: "        " }), "reset (spaces)");
    // The token was not used up by the refused attempts.
    expect((await post("/api/auth/reset-password", { token, newPassword: "a brand new password" })).status).toBe(200);
  });
});
