/**
 * The account lifecycle in a real browser against the real server: forgot
 * password → emailed link (read from the server log) → new password; the
 * account page (sessions, export, change password); deleting the account.
 * Plus axe checks and screenshots of the new pages. The main flow runs under the
 * server's real CSP (the export download included); the axe checks need contexts
 * that bypass it (axe is injected as an inline script).
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/start-server.ts";
import { AccountPage } from "../pages/account-page.ts";
import { SignInPage, SignUpPage } from "../pages/auth-pages.ts";
import { ForgotPasswordPage, ResetPasswordPage } from "../pages/password-pages.ts";
import { TasksPage } from "../pages/tasks-page.ts";
import { seriousA11yViolations } from "./support/axe.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { ensureWebBuilt } from "./support/build-web.ts";
import { createMailLog } from "./support/mail-log.ts";
import { E2E_SERVER_ENV } from "./support/server-env.ts";
import { seedTasks, signUpInContext, tokenInContext, uniqueEmail } from "./support/seed.ts";

const OUT = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 360, height: 740 } } as const;
/** Chrome logs every non-2xx response as a console error; wrong passwords and used tokens are expected here. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 40[01]/.test(e));

const mail = createMailLog();
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  await ensureWebBuilt();
  [server, browser] = await Promise.all([startTestServer(E2E_SERVER_ENV, { logger: mail.logger }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

describe("account lifecycle", () => {
  it("resets a forgotten password by email, manages sessions, exports, changes the password and deletes the account", async () => {
    const { page, context, errors } = await openPage(browser, server.url);
    const user = { name: "Margaret Hamilton", email: uniqueEmail("margaret"), password: "first password 1" };
    const newPassword = "second password 2";
    const finalPassword = "third password 3";
    const tasks = new TasksPage(page);
    const signIn = new SignInPage(page);

    // Sign up, add a task, sign out.
    await new SignUpPage(page).goto();
    await new SignUpPage(page).signUp(user);
    await tasks.ready();
    await tasks.quickAdd("Land on the moon @apollo");
    await tasks.settled();
    await tasks.signOut();

    // Forgot password: the answer never says whether the address has an account.
    const forgot = new ForgotPasswordPage(page);
    await forgot.openFromSignIn();
    expect(new URL(page.url()).pathname).toBe("/forgot-password");
    const since = mail.size;
    const known = await forgot.request(user.email);
    expect(known).toMatch(/if an account exists/i);
    const link = await mail.linkFor(user.email, { since });
    expect(new URL(link).pathname).toMatch(/^\/api\/auth\/reset-password\/[^/]+$/);
    expect(new URL(link).searchParams.get("callbackURL")).toBe("/reset-password");

    await page.goto("/forgot-password");
    const nobody = uniqueEmail("nobody");
    const unknown = await forgot.request(nobody);
    expect(unknown.replace(nobody, "<email>")).toBe(known.replace(user.email, "<email>"));
    // Better Auth sends the mail before it answers (no background-task handler is configured), so an
    // email to this address would be in the log by now.
    expect(mail.sent(nobody, since)).toBe(false);

    // The emailed link lands on the reset page with its token.
    await page.goto(link);
    const reset = new ResetPasswordPage(page);
    await reset.form.waitFor();
    expect(new URL(page.url()).pathname).toBe("/reset-password");
    expect(new URL(page.url()).searchParams.get("token")).toBeTruthy();
    await reset.fill(newPassword, "something else entirely");
    await reset.submit();
    await expect(reset.fieldError("confirm").innerText()).resolves.toMatch(/don't match/);
    await reset.fill(newPassword);
    await reset.submit();
    await page.waitForURL((u) => u.pathname === "/sign-in" && u.searchParams.get("notice") === "password-reset");
    await expect(page.getByTestId("sign-in-notice").innerText()).resolves.toMatch(/password has been reset/i);

    // The link works once: opened again it explains and offers a new one.
    await page.goto(link);
    await reset.invalidLink.waitFor();
    await page.getByTestId("request-new-link").click();
    await forgot.form.waitFor();

    // The old password no longer works; the new one does.
    await signIn.goto();
    await signIn.fill(user.email, user.password);
    await signIn.submit();
    await expect(signIn.formError.innerText()).resolves.toMatch(/don't match/);
    await signIn.signIn(user.email, newPassword);

    // Account page from the account menu: profile and this device's session.
    const account = new AccountPage(page);
    await account.openFromMenu();
    expect(new URL(page.url()).pathname).toBe("/account");
    await expect(page.getByTestId("profile-email").innerText()).resolves.toBe(user.email);
    expect(await account.sessions.count()).toBeGreaterThanOrEqual(1);
    await expect(account.thisDevice.count()).resolves.toBe(1);
    await expect(account.thisDevice.innerText()).resolves.toMatch(/Chrome/);

    // Another device signs in; revoking it here ends its session.
    const laptop = await browser.newContext({ baseURL: server.url });
    const other = await laptop.request.post(`${server.url}/api/auth/sign-in/email`, { data: { email: user.email, password: newPassword }, headers: { Origin: server.url } });
    expect(other.status()).toBe(200);
    await account.goto();
    await expect(account.sessions.count()).resolves.toBe(2);
    await account.revokeAnotherSession();
    await expect.poll(() => page.getByTestId("sessions-status").innerText()).toMatch(/signed out/i);
    expect((await laptop.request.get(`${server.url}/api/auth/token`, { headers: { Origin: server.url } })).status()).toBe(401);
    await laptop.close();

    // Download my data: a JSON file with the task in it.
    const { filename, data } = await account.downloadExport();
    expect(filename).toBe("tickler-export.json");
    const exported = data as { profile: { email: string }; tasks: { title: string; tags: string[] }[] };
    expect(exported.profile.email).toBe(user.email);
    expect(exported.tasks.map((t) => t.title)).toEqual(["Land on the moon"]);
    expect(exported.tasks[0]!.tags).toEqual(["apollo"]);

    // Change password: a wrong current password is explained in place, then it works.
    await account.changePassword("not my password", finalPassword);
    await expect(account.fieldError("current-password").innerText()).resolves.toMatch(/isn't right/);
    await account.changePassword(newPassword, finalPassword);
    // Wait for the answer itself (scrypt twice and the password check), not a 1 s poll.
    await account.passwordChanged.waitFor();
    expect(await account.passwordChanged.innerText()).toMatch(/every other device/i);
    await account.ready();
    await expect(account.thisDevice.count()).resolves.toBe(1);

    // Delete the account: needs the password, in a confirmation dialog.
    await account.openDeleteDialog();
    await account.confirmDelete(newPassword);
    await expect(account.fieldError("delete-password").innerText()).resolves.toMatch(/isn't right/);
    await account.confirmDelete(finalPassword);
    await page.waitForURL((u) => u.pathname === "/sign-in" && u.searchParams.get("notice") === "account-deleted");
    await expect(page.getByTestId("sign-in-notice").innerText()).resolves.toMatch(/deleted/i);

    // Signed out, and the account is gone.
    await page.goto("/account");
    await page.waitForURL((u) => u.pathname === "/sign-in");
    await signIn.fill(user.email, finalPassword);
    await signIn.submit();
    await expect(signIn.formError.innerText()).resolves.toMatch(/don't match/);

    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it("shows an expired or mangled reset link as such, with a way to ask again", async () => {
    const { page, context, errors } = await openPage(browser, server.url, { bypassCSP: true });
    await page.goto("/reset-password?token=not-a-real-token");
    const reset = new ResetPasswordPage(page);
    await reset.fill("a perfectly fine password");
    await reset.submit();
    await reset.invalidLink.waitFor();
    await expectAccessible(page);
    await page.goto("/reset-password");
    await reset.invalidLink.waitFor();
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });
});

describe("account screenshots", () => {
  const user = { name: "Katherine Johnson", email: uniqueEmail("katherine"), password: "correct horse battery" };
  let resetLink: string;

  beforeAll(async () => {
    const { context } = await openPage(browser, server.url);
    await signUpInContext(context, server.url, user);
    const token = await tokenInContext(context, server.url);
    await seedTasks(context, server.url, token, [{ title: "Check the trajectory" }]);
    const since = mail.size;
    const res = await context.request.post(`${server.url}/api/auth/request-password-reset`, {
      data: { email: user.email, redirectTo: "/reset-password" },
      headers: { Origin: server.url },
    });
    expect(res.status()).toBe(200);
    resetLink = await mail.linkFor(user.email, { since });
    await context.close();
  });

  describe.each(["light", "dark"] as const)("%s", (colorScheme) => {
    it.each(Object.keys(SIZES) as (keyof typeof SIZES)[])("captures the account pages at %s size", async (size) => {
      const viewport = SIZES[size];
      const { page, context, errors } = await openPage(browser, server.url, {
        colorScheme,
        viewport,
        isMobile: size === "phone",
        hasTouch: size === "phone",
        bypassCSP: true,
      });
      const shot = (name: string, fullPage = false) => page.screenshot({ path: `${OUT}${name}-${colorScheme}-${size}.png`, fullPage });
      const noOverflow = async () =>
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

      await page.goto("/forgot-password");
      await new ForgotPasswordPage(page).form.waitFor();
      await shot("forgot-password");
      await noOverflow();
      await expectAccessible(page);

      // The (unused) link lands on the form; it stays valid for the other sizes.
      await page.goto(resetLink);
      await new ResetPasswordPage(page).form.waitFor();
      await shot("reset-password");
      await noOverflow();
      await expectAccessible(page);

      await page.goto("/sign-in");
      await new SignInPage(page).signIn(user.email, user.password);
      const account = new AccountPage(page);
      await account.goto();
      await shot("account", true);
      await noOverflow();
      await expectAccessible(page);

      await account.openDeleteDialog();
      await shot("account-delete-dialog");
      await expectAccessible(page);

      expect(errors).toEqual([]);
      await context.close();
    });
  });
});
