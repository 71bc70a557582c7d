/**
 * The sign-up form shows the shared password policy live: the checker loads on
 * first input (its own chunk), refuses a common password before submitting, and
 * turns green for an uncommon one. Screenshots light and dark, desktop and phone.
 */
import { describe, expect, it } from "vitest";
import { SignUpPage } from "../pages/auth-pages.ts";
import { openPage } from "./support/browser.ts";
import { SCREENSHOTS, useE2eApp } from "./support/e2e-app.ts";
import { uniqueEmail } from "./support/seed.ts";

const app = useE2eApp();

describe("password policy in the sign-up form", () => {
  it("refuses a common password live and on submit, and accepts a passphrase", async () => {
    const { page, context, errors } = await openPage(app.browser, app.server.url);
    const signUps: string[] = [];
    page.on("request", (r) => r.url().includes("/api/auth/sign-up") && signUps.push(r.url()));
    const form = new SignUpPage(page);
    await form.goto();
    const strength = page.getByTestId("password-strength");
    // The checker is a lazily fetched ~850 KB chunk: wait for its verdict, not for a fixed time.
    const verdict = (cls: "rule-bad" | "rule-ok") => page.locator(`[data-testid="password-strength"].${cls}`).waitFor();
    await form.fill({ name: "Ada Lovelace", email: uniqueEmail("ada"), password: "password" });
    await verdict("rule-bad");
    expect(await strength.textContent()).toMatch(/heavily used password.*too easy to guess/);
    await form.submit();
    await form.fieldError("password").waitFor();
    expect(await form.fieldError("password").textContent()).toMatch(/too easy to guess/);
    expect(signUps).toEqual([]); // refused before anything was sent

    await page.getByTestId("password").fill("lovelace2024");
    await page.getByTestId("password-strength").filter({ hasText: /personal/ }).waitFor();
    await page.getByTestId("password").fill("analytical engine notes");
    await verdict("rule-ok");
    await form.submit();
    // Accepted: sign-up goes on to "check your email" (the verification link signs in).
    await page.getByTestId("check-email").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    for (const [size, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
      it(`screenshot ${colorScheme} ${size}`, async () => {
        const { page, context } = await openPage(app.browser, app.server.url, { colorScheme, viewport, isMobile: size === "phone" });
        const form = new SignUpPage(page);
        await form.goto();
        await form.fill({ name: "Ada Lovelace", email: "ada@example.com", password: "12345678" });
        await page.locator('[data-testid="password-strength"].rule-bad').waitFor();
        await page.screenshot({ path: `${SCREENSHOTS}password-policy-${colorScheme}-${size}.png` });
        await context.close();
      });
    }
  }
});
