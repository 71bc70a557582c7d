/**
 * The quick-add preview in Chromium: the shared grammar's chips for date, tag
 * and priority under the box, removing a chip (mouse and keyboard) to keep its
 * words in the title, what gets saved, and screenshots (desktop and phone, light
 * and dark) in test-results/screenshots/quick-add-*.png.
 */
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { TasksPage } from "../pages/tasks-page.ts";
import { seriousA11yViolations } from "./support/axe.ts";
import { openPage } from "./support/browser.ts";
import { SCREENSHOTS, useE2eApp } from "./support/e2e-app.ts";
import { signUpInContext, tokenInContext, uniqueEmail } from "./support/seed.ts";

const app = useE2eApp();

/** A signed-in page in Berlin with British English (day-first dates, 24-hour times). */
async function signedIn(options: Parameters<typeof openPage>[2] = {}) {
  const tracked = await openPage(app.browser, app.server.url, { timezoneId: "Europe/Berlin", locale: "en-GB", ...options });
  await signUpInContext(tracked.context, app.server.url, { name: "Quick Adder", email: uniqueEmail("quick"), password: "correct horse battery" });
  const tasks = new TasksPage(tracked.page);
  await tasks.goto("/");
  return { ...tracked, tasks };
}

const chips = (page: Page) => page.getByTestId("quick-add-preview").getByTestId("chip-text").allInnerTexts();

/** A list of the signed-in user's, made through the API (the sidebar then shows it after a reload). */
async function makeList(context: BrowserContext, name: string): Promise<number> {
  const token = await tokenInContext(context, app.server.url);
  const res = await context.request.post(`${app.server.url}/api/me/lists`, { data: { name }, headers: { Authorization: `Bearer ${token}` } });
  if (res.status() !== 201) throw new Error(`list: ${res.status()}`);
  return ((await res.json()) as { id: number }).id;
}
const titlePreview = (page: Page) => page.getByTestId("quick-add-title").innerText();

describe("quick-add preview", () => {
  it("shows chips for what will be saved, lets you remove one, and saves the rest", async () => {
    const { page, context, errors, tasks } = await signedIn();
    const errandsId = await makeList(context, "Errands");
    await tasks.goto("/");
    const input = page.getByTestId("quick-add-input");
    const preview = page.getByTestId("quick-add-preview");
    await expect(preview.isHidden()).resolves.toBe(true);

    await input.fill("buy milk tomorrow 9am #errands !high");
    await expect.poll(() => chips(page)).toEqual(["Tomorrow 9:00", "#Errands", "High priority"]);
    expect(await titlePreview(page)).toMatch(/“buy milk”$/);
    expect(await page.getByTestId("chip-list").getAttribute("title")).toMatch(/List/);

    // Removing the priority chip keeps "!high" in the title; the input text is untouched.
    await page.getByTestId("chip-priority").getByTestId("chip-remove").click();
    await expect.poll(() => chips(page)).toEqual(["Tomorrow 9:00", "#Errands"]);
    expect(await titlePreview(page)).toMatch(/“buy milk !high”$/);
    expect(await input.inputValue()).toBe("buy milk tomorrow 9am #errands !high");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("quick-add-input");

    await input.press("Enter");
    await tasks.item("buy milk !high").waitFor();
    await tasks.settled();
    await expect(preview.isHidden()).resolves.toBe(true);
    expect(await input.inputValue()).toBe("");
    const row = tasks.item("buy milk !high");
    expect(await row.getByTestId("task-tag").count()).toBe(0);
    await expect.poll(() => row.getByTestId("task-due").innerText()).toMatch(/Tomorrow 9:00$/);
    expect(await row.getByTestId("task-priority").count()).toBe(0);

    // The due instant is 09:00 tomorrow in the browser's zone, computed here independently.
    const expectedDue = await page.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() + 1);
      d.setHours(9, 0, 0, 0);
      return d.toISOString();
    });
    const token = await tokenInContext(context, app.server.url);
    const res = await context.request.get(`${app.server.url}/api/me/tasks`, { headers: { Authorization: `Bearer ${token}` } });
    const saved = ((await res.json()) as { tasks: { title: string; due_at: string; tags: string[]; priority: string }[] }).tasks;
    expect(saved).toEqual([expect.objectContaining({ title: "buy milk !high", due_at: expectedDue, tags: [], priority: "none", list_id: errandsId })]);

    // A repeat is saved (its chip shows the rule); a section the list lacks is not: its words stay in the title.
    await input.fill("pay rent every month on the 15th /Home");
    await expect.poll(() => chips(page)).toEqual([expect.stringMatching(/Repeats every month on the 15th/)]);
    await input.press("Enter");
    await tasks.item("pay rent /Home").waitFor();

    // Day-first locale: d/m. Ten days ahead, so the chip shows a date (not "Tomorrow") whatever today is;
    // a day equal to its month would not tell the orders apart. Removing the date keeps the words.
    const ahead = new Date(Date.now() + 10 * 86_400_000);
    if (ahead.getUTCDate() === ahead.getUTCMonth() + 1) ahead.setUTCDate(ahead.getUTCDate() + 1);
    const dm = `${ahead.getUTCDate()}/${ahead.getUTCMonth() + 1}`;
    const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(ahead);
    await input.fill(`party ${dm}`);
    await expect.poll(() => chips(page)).toEqual([expect.stringContaining(dayMonth)]);
    await page.getByTestId("chip-due").getByTestId("chip-remove").click();
    await expect.poll(() => chips(page)).toEqual([]);
    await input.press("Enter");
    await tasks.item(`party ${dm}`).waitFor();
    await tasks.settled();
    expect(await tasks.item(`party ${dm}`).getByTestId("task-due").count()).toBe(0);

    // Nothing but shorthand: there is no title to save.
    await input.fill("@errands p1");
    await expect.poll(() => titlePreview(page)).toBe("Type a title too");
    await expect(page.getByTestId("quick-add-submit").isDisabled()).resolves.toBe(true);

    expect(errors).toEqual([]);
    await context.close();
  });

  it("removes a chip from the keyboard and passes axe with the preview open", async () => {
    // axe is injected as an inline script, which the app's CSP rightly refuses.
    const { page, context, errors } = await signedIn({ bypassCSP: true });
    const input = page.getByTestId("quick-add-input");
    await input.fill("Call mom tonight @family");
    await expect.poll(() => chips(page)).toEqual([expect.stringMatching(/^Today 22:00$/), "@family"]);
    expect(await page.getByTestId("chip-due").getByTestId("chip-remove").getAttribute("aria-label")).toBe(
      "Remove due date Today 22:00; keep “tonight” in the title",
    );
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Input → Add → first chip's remove button.
    await input.focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(/^Remove due date/);
    await page.keyboard.press("Enter");
    await expect.poll(() => chips(page)).toEqual(["@family"]);
    expect(await titlePreview(page)).toMatch(/“Call mom tonight”$/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("quick-add-input");

    // Escape clears the box and forgets removed chips.
    await page.keyboard.press("Escape");
    await input.fill("Call mom tonight");
    await expect.poll(() => chips(page)).toEqual([expect.stringMatching(/^Today 22:00$/)]);
    expect(errors).toEqual([]);
    await context.close();
  });

  const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
  it.each(
    (["light", "dark"] as const).flatMap((scheme) => (Object.keys(SIZES) as (keyof typeof SIZES)[]).map((size) => [scheme, size] as const)),
  )("screenshot: %s, %s", async (colorScheme, size) => {
    const { page, context, errors } = await signedIn({ colorScheme, viewport: SIZES[size], isMobile: size === "phone", hasTouch: size === "phone" });
    await page.getByTestId("quick-add-input").fill("buy milk tomorrow 9am #errands @home p1");
    await expect.poll(() => chips(page)).toHaveLength(4);
    await page.screenshot({ path: `${SCREENSHOTS}quick-add-${colorScheme}-${size}.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
