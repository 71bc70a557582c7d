/**
 * axe-core finds no serious or critical problems on the auth and task pages, light
 * and dark. The contexts bypass the server's CSP (script-src 'self') only so that
 * axe can be injected as an inline script.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/start-server.ts";
import { SignUpPage } from "../pages/auth-pages.ts";
import { TasksPage } from "../pages/tasks-page.ts";
import { seriousA11yViolations } from "./support/axe.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { ensureWebBuilt } from "./support/build-web.ts";
import { E2E_SERVER_ENV } from "./support/server-env.ts";
import { sampleTasks, seedTasks, signUpInContext, tokenInContext, uniqueEmail } from "./support/seed.ts";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureWebBuilt();
  [server, browser] = await Promise.all([startTestServer(E2E_SERVER_ENV), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(["light", "dark"] as const)("accessibility (%s)", (colorScheme) => {
  it("has no serious violations on the sign-in and sign-up pages", async () => {
    const { page, context } = await openPage(browser, server.url, { colorScheme, bypassCSP: true });
    await page.goto("/sign-in");
    await page.getByTestId("sign-in-form").waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const signUp = new SignUpPage(page);
    await signUp.goto();
    await signUp.fill({ name: "", email: "not-an-email", password: "short" });
    await signUp.submit(); // with field errors showing
    await signUp.fieldError("email").waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it("has no serious violations on the task page, its editor, menus and dialogs", async () => {
    const { page, context } = await openPage(browser, server.url, { colorScheme, bypassCSP: true });
    await signUpInContext(context, server.url, { name: "Axe Tester", email: uniqueEmail("axe"), password: "correct horse battery" });
    await seedTasks(context, server.url, await tokenInContext(context, server.url), sampleTasks(12));
    const tasks = new TasksPage(page);
    await tasks.goto("/?view=all");
    expect(await seriousA11yViolations(page)).toEqual([]);

    await tasks.items.first().getByTestId("task-edit").click();
    await page.getByTestId("editor-title").waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await page.getByTestId("task-editor").waitFor({ state: "hidden" });

    await tasks.openAccountMenu();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");

    await page.keyboard.press("?");
    await page.getByTestId("shortcuts-dialog").waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");

    await tasks.view("today");
    await tasks.search("no such task");
    await page.getByTestId("empty-state").waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
