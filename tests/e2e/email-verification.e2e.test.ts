/**
 * Email verification in the browser (decision 021): sign-up always says "check
 * your email" (a taken address too, whose owner gets a note), the emailed link
 * signs in, a bad link says why, and the account page changes the address
 * through a link sent to the new one. Axe checks and screenshots of the new pages.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { AccountPage } from "../pages/account-page.ts";
import { SignUpPage } from "../pages/auth-pages.ts";
import { seriousA11yViolations } from "./support/axe.ts";
import { openPage } from "./support/browser.ts";
import { SCREENSHOTS, useE2eApp } from "./support/e2e-app.ts";
import { signUpInContext, uniqueEmail } from "./support/seed.ts";

const app = useE2eApp();
const PASSWORD = "correct horse battery";
/** Chrome logs every non-2xx response as a console error; the refused links are expected here. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 40[01]/.test(e));

async function shots(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of [
    ["desktop", { width: 1280, height: 800 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(viewport);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SCREENSHOTS}${name}-${size}-${scheme}.png` });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: "light" });
}

describe("email verification", () => {
  it("signs up → 'check your email' → opens the link → signed in", async () => {
    const { page, context, errors } = await openPage(app.browser, app.server.url, { bypassCSP: true });
    const signUp = new SignUpPage(page);
    const email = uniqueEmail("verify");
    await signUp.goto();
    await signUp.fill({ name: "Vera Verify", email, password: PASSWORD });
    await signUp.submit();
    await page.getByTestId("check-email").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Check your email to continue");
    expect(await page.getByTestId("check-email").innerText()).toContain(email);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shots(page, "check-email");
    // Not signed in yet: the app still sends this browser to sign in.
    expect(
      (await context.request.get(`${app.server.url}/api/auth/token`, { headers: { Origin: app.server.url } })).status(),
    ).toBe(401);

    await signUp.openVerificationLink(email);
    expect(new URL(page.url()).pathname).toBe("/email-verified");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Email verified");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shots(page, "email-verified");
    await page.getByTestId("verify-continue").click();
    await page.getByTestId("quick-add-input").waitFor();
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it("says the same for an address that already has an account, and mails its owner", async () => {
    const owner = { name: "Olga Owner", email: uniqueEmail("owner"), password: PASSWORD };
    const seed = await openPage(app.browser, app.server.url);
    await signUpInContext(seed.context, app.server.url, owner);
    await seed.context.close();

    const { page, context, errors } = await openPage(app.browser, app.server.url);
    const signUp = new SignUpPage(page);
    const since = app.server.mailbox.mails.length;
    await signUp.goto();
    await signUp.fill({ name: "Someone Else", email: owner.email, password: "another long passphrase" });
    await signUp.submit();
    await page.getByTestId("check-email").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Check your email to continue");
    await expect
      .poll(() => app.server.mailbox.mails.slice(since).map((m) => [m.to, m.subject]))
      .toContainEqual([owner.email, "Someone tried to sign up to Tickler with your address"]);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it("explains an expired or broken link and offers sign-in", async () => {
    const { page, context } = await openPage(app.browser, app.server.url, { bypassCSP: true });
    await page.goto(`${app.server.url}/api/auth/verify-email?token=garbage&callbackURL=%2Femail-verified`);
    await page.getByTestId("verify-error").waitFor();
    expect(new URL(page.url()).searchParams.get("error")).toBe("INVALID_TOKEN");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("This link didn't work");
    await page.goto("/email-verified?error=TOKEN_EXPIRED");
    expect(await page.locator(".auth-subtitle").innerText()).toBe("This link has expired.");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shots(page, "verify-expired");
    await page.getByTestId("verify-sign-in").click();
    await page.getByTestId("sign-in-form").waitFor();
    await context.close();
  });

  it("changes the email on the account page once the link sent to the new address is opened", async () => {
    const { page, context, errors } = await openPage(app.browser, app.server.url, { bypassCSP: true });
    const user = { name: "Chris Change", email: uniqueEmail("old"), password: PASSWORD };
    await signUpInContext(context, app.server.url, user);
    const account = new AccountPage(page);
    await account.goto();
    const next = uniqueEmail("new");
    const since = app.server.mailbox.mails.length;
    await page.getByTestId("profile-edit-email").click();
    // Bounded like sign-up.
    expect(await page.getByTestId("profile-email-input").getAttribute("maxlength")).toBe("254");
    await page.getByTestId("profile-email-input").fill(user.email);
    await page.getByTestId("profile-email-save").click();
    expect(await page.getByTestId("email-error").innerText()).toMatch(/current address/);
    await page.getByTestId("profile-email-input").fill(next);
    await page.getByTestId("profile-email-save").click();
    await page.getByTestId("email-change-sent").waitFor();
    expect(await page.getByTestId("profile-email").innerText()).toBe(user.email);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shots(page, "email-change-sent");
    await expect
      .poll(() =>
        app.server.mailbox.mails.slice(since).some((m) => m.to === user.email && /being changed/.test(m.subject)),
      )
      .toBe(true);

    await page.goto(await app.server.mailbox.linkFor(next, { since }));
    await page.getByTestId("verify-done").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Email address changed");
    await page.getByTestId("verify-continue").click();
    await page.getByTestId("account-page").waitFor();
    await expect.poll(() => page.getByTestId("profile-email").innerText()).toBe(next);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });
});
