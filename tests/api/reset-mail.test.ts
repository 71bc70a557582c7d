/**
 * A password-reset request is answered without waiting for its email, so an
 * existing address (mail goes out) and an unknown one (no mail) take the same
 * time from the client's side — however slow SMTP is.
 * @see issue 14 item 4
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mail, Mailer } from "../../src/issuer/mailer.ts";
import { createTestApp, TEST_ORIGIN, type TestApp } from "../support/test-app.ts";

/** A mailer whose sends stay pending until released (an SMTP server that never answers). */
function stalledMailer() {
  const sent: Mail[] = [];
  const releases: (() => void)[] = [];
  const mailer: Mailer = {
    kind: "smtp",
    send: (mail) => {
      sent.push(mail);
      return new Promise<void>((resolve) => releases.push(resolve));
    },
    close: () => {},
  };
  return { mailer, sent, release: () => releases.splice(0).forEach((r) => r()) };
}

const smtp = stalledMailer();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { mailer: smtp.mailer });
});
afterAll(async () => {
  smtp.release();
  await t.close();
});

const reset = (email: string) =>
  t.request("/api/auth/request-password-reset", {
    method: "POST",
    headers: { "content-type": "application/json", origin: TEST_ORIGIN },
    body: JSON.stringify({ email, redirectTo: "/reset-password" }),
  });

describe("password-reset requests", () => {
  it("answer an existing address while its email is still being sent, the same as an unknown one", async () => {
    const u = await t.signUp("Forgetful");
    const since = smtp.sent.length; // the sign-up's verification mail (stalled too) came before
    const known = await reset(u.email);
    // Answered although the send has not finished (it never does until released).
    expect(smtp.sent.slice(since).map((m) => m.to)).toEqual([u.email]);
    const unknown = await reset("nobody.here@example.com");
    expect(smtp.sent.slice(since)).toHaveLength(1);
    expect([known.status, unknown.status]).toEqual([200, 200]);
    expect(await known.json()).toEqual(await unknown.json());
  });
});
