/**
 * Reminders in Chromium: quick-add shows a reminder chip; a fired reminder
 * shows as an in-page card with Snooze buttons when notifications are not
 * allowed, and as a browser notification after the account page's
 * "Turn on notifications" (the context grants `notifications`). Screenshots
 * of the card in test-results/screenshots/reminder-*.png.
 */
import type { BrowserContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPage } from "./support/browser.ts";
import { SCREENSHOTS, useE2eApp } from "./support/e2e-app.ts";
import { signUpInContext, tokenInContext, uniqueEmail } from "./support/seed.ts";

const app = useE2eApp();

async function signedIn(options: Parameters<typeof openPage>[2] = {}) {
  const tracked = await openPage(app.browser, app.server.url, options);
  await signUpInContext(tracked.context, app.server.url, { name: "Reminded", email: uniqueEmail("remind"), password: "correct horse battery" });
  return tracked;
}

/** A task whose reminder fires in a moment. */
async function remindSoon(context: BrowserContext, title: string) {
  const token = await tokenInContext(context, app.server.url);
  const res = await context.request.post(`${app.server.url}/api/me/tasks`, {
    data: { title, reminders: [{ at: new Date(Date.now() + 800).toISOString() }] },
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status()).toBe(201);
  return { token, task: (await res.json()) as { id: number; reminders: { id: string }[] } };
}

describe("reminders in the page", () => {
  it("quick-add saves a reminder; without permission it fires as an in-page card whose Snooze moves it", async () => {
    const { page, context, errors } = await signedIn();
    await page.goto("/");
    await page.getByTestId("quick-add-input").fill("call mom remind me in 2 hours");
    await expect.poll(() => page.getByTestId("quick-add-preview").locator("li").allInnerTexts()).toEqual([expect.stringMatching(/^Remind /)]);

    await page.waitForFunction(() => document.documentElement.dataset.liveEvents === "open");
    const { token, task } = await remindSoon(context, "Water the plants");
    const card = page.getByTestId("reminder-card");
    await card.waitFor();
    expect(await card.getByRole("heading").count()).toBe(0);
    expect(await card.innerText()).toContain("Water the plants");
    await page.screenshot({ path: `${SCREENSHOTS}reminder-card-light-desktop.png` });

    await card.getByRole("button", { name: "10 min" }).click();
    await card.waitFor({ state: "detached" });
    await expect.poll(() => page.getByTestId("reminder-status").innerText()).toMatch(/Snoozed/);
    const res = await context.request.get(`${app.server.url}/api/me/tasks/${task.id}`, { headers: { Authorization: `Bearer ${token}` } });
    const reminder = ((await res.json()) as { reminders: { state: string; fire_at: string }[] }).reminders[0]!;
    expect(reminder.state).toBe("pending");
    expect(new Date(reminder.fire_at).getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    ["dark", "phone"],
    ["light", "phone"],
    ["dark", "desktop"],
  ] as const)("screenshot of the card: %s, %s", async (colorScheme, size) => {
    const viewport = size === "phone" ? { width: 390, height: 844 } : { width: 1280, height: 800 };
    const { page, context } = await signedIn({ colorScheme, viewport });
    await page.goto("/");
    await page.waitForFunction(() => document.documentElement.dataset.liveEvents === "open");
    await remindSoon(context, "Submit the quarterly report");
    await page.getByTestId("reminder-card").waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}reminder-card-${colorScheme}-${size}.png` });
    await context.close();
  });

  it("turning notifications on (permission granted) shows fired reminders as browser notifications", async () => {
    const { page, context, errors } = await signedIn();
    // Records what the page asks the Notification API to show.
    await context.addInitScript(() => {
      const Real = window.Notification;
      const shown: string[] = [];
      (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
      class Recording extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push(title);
        }
      }
      Object.defineProperty(window, "Notification", { value: Recording, configurable: true });
    });
    await page.goto("/account");
    const section = page.getByTestId("reminders-section");
    await section.getByText(/Turn on notifications to see them/).waitFor();
    await context.grantPermissions(["notifications"], { origin: app.server.url });
    await section.getByTestId("enable-notifications").click();
    await section.getByText(/Notifications are on for this browser/).waitFor();
    await expect.poll(() => section.getByTestId("reminders-status").innerText()).toMatch(/Notifications are on/);

    await page.waitForFunction(() => document.documentElement.dataset.liveEvents === "open");
    await remindSoon(context, "Call the bank");
    await expect.poll(() => page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications)).toEqual(["Call the bank"]);
    expect(await page.getByTestId("reminder-card").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
