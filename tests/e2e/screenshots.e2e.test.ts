/**
 * Screenshots of the main pages, light and dark, desktop (1280) and phone (360),
 * written to test-results/screenshots/ for people to look at.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/start-server.ts";
import { TasksPage } from "../pages/tasks-page.ts";
import { animationsFinished, launchBrowser, openPage } from "./support/browser.ts";
import { ensureWebBuilt } from "./support/build-web.ts";
import { E2E_SERVER_ENV } from "./support/server-env.ts";
import { sampleTasks, seedTasks, signUpInContext, tokenInContext, uniqueEmail } from "./support/seed.ts";

const OUT = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 360, height: 740 } } as const;

let server: TestServer;
let browser: Browser;
const user = { name: "Grace Hopper", email: uniqueEmail("grace"), password: "correct horse battery" };

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  await ensureWebBuilt();
  [server, browser] = await Promise.all([startTestServer(E2E_SERVER_ENV), launchBrowser()]);
  // One user with a realistic list, shared by every screenshot.
  const { context } = await openPage(browser, server.url);
  await signUpInContext(context, server.url, user);
  await seedTasks(context, server.url, await tokenInContext(context, server.url), sampleTasks(30));
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(["light", "dark"] as const)("screenshots (%s)", (colorScheme) => {
  it.each(Object.keys(SIZES) as (keyof typeof SIZES)[])("captures the main pages at %s size", async (size) => {
    const viewport = SIZES[size];
    const { page, context, errors } = await openPage(browser, server.url, { colorScheme, viewport, isMobile: size === "phone", hasTouch: size === "phone" });
    const shot = (name: string) => page.screenshot({ path: `${OUT}${name}-${colorScheme}-${size}.png` });

    await page.goto("/sign-in");
    await page.getByTestId("sign-in-form").waitFor();
    await shot("sign-in");
    await page.goto("/sign-up");
    await page.getByTestId("sign-up-form").waitFor();
    await shot("sign-up");

    await page.goto("/sign-in");
    await page.getByTestId("email").fill(user.email);
    await page.getByTestId("password").fill(user.password);
    await page.getByTestId("submit").click();
    const tasks = new TasksPage(page);
    await tasks.ready();
    await page.getByTestId("view-total").waitFor();
    await shot("tasks");

    await tasks.items.first().getByTestId("task-edit").click();
    await page.getByTestId("editor-title").waitFor();
    await animationsFinished(page); // the editor slides in
    await shot("task-editor");
    await page.keyboard.press("Escape");

    await tasks.openAccountMenu();
    await shot("account-menu");
    await page.keyboard.press("Escape");

    // Horizontal overflow is the classic phone bug.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
