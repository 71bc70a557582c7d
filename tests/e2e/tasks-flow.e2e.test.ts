/**
 * The main journey in a real browser against the real server: sign up, manage
 * tasks, reload, sign out and back in; plus user isolation and auth redirects.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/start-server.ts";
import { SignInPage, SignUpPage } from "../pages/auth-pages.ts";
import { TasksPage } from "../pages/tasks-page.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { ensureWebBuilt } from "./support/build-web.ts";
import { E2E_SERVER_ENV } from "./support/server-env.ts";
import { uniqueEmail } from "./support/seed.ts";

const PASSWORD = "correct horse battery";
/** Chrome logs every non-2xx response as a console error; these are the expected ones. */
const expected401 = (e: string) => /status of 401/.test(e);

let server: TestServer;
let browser: Browser;
const ada = { name: "Ada Lovelace", email: uniqueEmail("ada"), password: PASSWORD };

beforeAll(async () => {
  await ensureWebBuilt();
  [server, browser] = await Promise.all([startTestServer(E2E_SERVER_ENV), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("tasks flow", () => {
  it("signs up, adds, edits, completes, filters, searches, deletes with undo, reloads, signs out and in", async () => {
    const { page, context, errors } = await openPage(browser, server.url, { timezoneId: "America/New_York" });
    const tasks = new TasksPage(page);

    // Signed out: the front page says what Tickler is and leads to sign in.
    await page.goto("/");
    await page.getByTestId("landing").waitFor();
    await page.getByTestId("landing-sign-in").click();
    await page.waitForURL("**/sign-in");
    await page.getByTestId("to-sign-up").click();
    await new SignUpPage(page).signUp(ada);
    expect(new URL(page.url()).pathname).toBe("/");
    await tasks.ready();
    await expect(page.getByTestId("empty-state").isVisible()).resolves.toBe(true);

    // Quick add (Enter adds); shorthand sets tags and priority.
    await tasks.quickAdd("Buy milk @errands !high");
    await tasks.quickAdd("Write report");
    await tasks.quickAdd("Call the plumber");
    await tasks.settled();
    expect(await tasks.titles()).toEqual(["Call the plumber", "Write report", "Buy milk"]);
    await expect(tasks.item("Buy milk").getByTestId("task-priority").innerText()).resolves.toMatch(/High/);
    await expect(tasks.item("Buy milk").getByTestId("task-tag").innerText()).resolves.toBe("#errands");

    // Edit panel: description, priority, tags, due date and time.
    await tasks.edit("Write report", {
      description: "Quarterly numbers",
      priority: "medium",
      tags: "work, q1",
      dueDate: "2031-03-14",
      dueTime: "09:30",
    });
    const report = tasks.item("Write report");
    await expect.poll(() => report.getByTestId("task-tag").allInnerTexts()).toEqual(["#work", "#q1"]);
    await expect(report.getByTestId("task-due").innerText()).resolves.toMatch(/2031/);
    await expect(report.getByTestId("task-due").innerText()).resolves.toMatch(/9:30/);
    await expect(report.getByTestId("task-description").innerText()).resolves.toBe("Quarterly numbers");
    await expect.poll(() => tasks.count("upcoming")).toBe(1);

    // Inline title edit.
    await tasks.rename("Call the plumber", "Call the electrician");
    await tasks.item("Call the electrician").waitFor();

    // Complete.
    // The row leaves the pending view when the list reloads (on the change event, however soon that
    // is): what is certain is the toast with its Undo, and the row gone once the list has reloaded.
    await tasks.toggle("Buy milk");
    await page.getByText("Completed “Buy milk”").waitFor();
    await expect.poll(() => tasks.titles()).toEqual(["Call the electrician", "Write report"]);
    await expect.poll(() => tasks.count("completed")).toBe(1);
    await expect.poll(() => tasks.count("pending")).toBe(2);

    // Filters: views, priority, tag.
    await tasks.view("completed");
    await expect.poll(() => tasks.titles()).toEqual(["Buy milk"]);
    await tasks.view("pending");
    await expect.poll(() => tasks.titles()).toEqual(["Call the electrician", "Write report"]);
    await tasks.view("upcoming");
    // Upcoming lists 14 days, then "Later" (2031) below the fold: rows off screen skip rendering until scrolled to.
    await tasks.item("Write report").scrollIntoViewIfNeeded();
    await expect.poll(() => tasks.titles()).toEqual(["Write report"]);
    await tasks.view("all");
    await tasks.filterPriority("medium");
    await expect.poll(() => tasks.titles()).toEqual(["Write report"]);
    await tasks.clearFilters();
    await tasks.filterTag("errands");
    await expect.poll(() => tasks.titles()).toEqual(["Buy milk"]);
    await tasks.clearFilters();
    expect(await tasks.items.count()).toBe(3);

    // Debounced search.
    await tasks.search("electric");
    await expect.poll(() => tasks.titles()).toEqual(["Call the electrician"]);
    await tasks.search("");
    expect(await tasks.items.count()).toBe(3);

    // Delete, then undo: the very same task comes back.
    const id = await tasks.item("Call the electrician").getAttribute("data-task-id");
    await tasks.delete("Call the electrician");
    await tasks.item("Call the electrician").waitFor({ state: "detached" });
    await expect.poll(() => tasks.count("all")).toBe(2);
    await tasks.undo();
    await tasks.item("Call the electrician").waitFor();
    expect(await tasks.item("Call the electrician").getAttribute("data-task-id")).toBe(id);
    await expect.poll(() => tasks.count("all")).toBe(3);

    // Delete for real: the DELETE goes out when the undo window ends.
    const deleted = page.waitForResponse((r) => r.request().method() === "DELETE", { timeout: 15_000 });
    await tasks.delete("Buy milk");
    expect((await deleted).status()).toBe(204);

    // Reload: everything persisted (and the search/view live in the URL).
    await page.reload();
    await tasks.ready();
    expect(new URL(page.url()).searchParams.get("view")).toBe("all");
    await expect.poll(() => tasks.titles()).toEqual(["Call the electrician", "Write report"]);
    await expect(tasks.item("Write report").getByTestId("task-due").innerText()).resolves.toMatch(/2031/);
    expect(await tasks.count("all")).toBe(2);

    // Account menu shows who is signed in; sign out.
    await tasks.openAccountMenu();
    await expect(page.getByTestId("account-email").innerText()).resolves.toBe(ada.email);
    await page.keyboard.press("Escape");
    await tasks.signOut();
    await page.goto("/");
    await page.getByTestId("landing-sign-in").click();
    await page.waitForURL("**/sign-in");

    // Wrong password: message in place. Then the right one.
    const signIn = new SignInPage(page);
    await signIn.fill(ada.email, "wrong password!");
    await signIn.submit();
    expect((await signIn.formError.innerText()).toLowerCase()).toMatch(/don't match/);
    await signIn.signIn(ada.email, ada.password);
    await tasks.ready();
    await tasks.view("all");
    await expect.poll(() => tasks.titles()).toEqual(["Call the electrician", "Write report"]);

    expect(errors.filter((e) => !expected401(e))).toEqual([]);
    await context.close();
  });

  it("shows a second user none of the first user's tasks", async () => {
    const { page, context, errors } = await openPage(browser, server.url);
    const tasks = new TasksPage(page);
    await new SignUpPage(page).goto();
    await new SignUpPage(page).signUp({ name: "Bob Builder", email: uniqueEmail("bob"), password: PASSWORD });
    await tasks.view("all");
    await page.getByTestId("empty-state").waitFor();
    expect(await tasks.count("all")).toBe(0);
    await tasks.search("report");
    expect(await tasks.items.count()).toBe(0);

    // Bob's task doesn't show up for Ada either.
    await tasks.search("");
    await tasks.quickAdd("Bob's secret plan");
    await tasks.settled();
    const other = await openPage(browser, server.url);
    await other.page.goto("/sign-in");
    await new SignInPage(other.page).signIn(ada.email, ada.password);
    const adaTasks = new TasksPage(other.page);
    await adaTasks.view("all");
    await expect.poll(() => adaTasks.titles()).toEqual(["Call the electrician", "Write report"]);

    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
    await Promise.all([context.close(), other.context.close()]);
  });

  it("sends a signed-out visitor to sign in and back to where they were", async () => {
    const { page, context } = await openPage(browser, server.url);
    await page.goto("/?view=upcoming");
    await page.waitForURL((u) => u.pathname === "/sign-in");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/?view=upcoming");
    await new SignInPage(page).signIn(ada.email, ada.password);
    await page.waitForURL((u) => u.pathname === "/" && u.searchParams.get("view") === "upcoming");
    await expect(page.getByTestId("view-heading").innerText()).resolves.toBe("Upcoming");

    // Signed in: the auth pages redirect home.
    await page.goto("/sign-up");
    await page.waitForURL((u) => u.pathname === "/");
    await context.close();
  });

  it("explains sign-up problems next to the field", async () => {
    const { page, context } = await openPage(browser, server.url);
    const signUp = new SignUpPage(page);
    await signUp.goto();
    await signUp.fill({ name: "Short", email: uniqueEmail("short"), password: "1234567" });
    await signUp.submit();
    await expect(signUp.fieldError("password").innerText()).resolves.toMatch(/at least 8/);

    // A taken address gets the same answer as a new one (decision 021): its owner is mailed instead.
    await signUp.fill({ name: "Copy Cat", email: ada.email, password: PASSWORD });
    await signUp.submit();
    await page.getByTestId("check-email").waitFor();
    await context.close();
  });
  it("rolls back an optimistic change the server refuses, and says so", async () => {
    const { page, context } = await openPage(browser, server.url);
    await page.goto("/sign-in");
    await new SignInPage(page).signIn(ada.email, ada.password);
    const tasks = new TasksPage(page);
    await tasks.view("all");

    const serverError = {
      status: 500,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "internal", message: "Database unavailable" } }),
    };
    await page.route(
      (u) => u.pathname.endsWith("/complete"),
      (route) => route.fulfill(serverError),
    );
    await tasks.toggle("Write report");
    await tasks.errorToasts().filter({ hasText: "Database unavailable" }).waitFor();
    await expect.poll(() => tasks.item("Write report").getAttribute("data-completed")).toBe("false");

    await page.route(
      (u) => u.pathname === "/api/me/tasks",
      (route) => (route.request().method() === "POST" ? route.fulfill(serverError) : route.continue()),
    );
    await tasks.quickAdd("Doomed task");
    await tasks.errorToasts().filter({ hasText: "Couldn't add" }).waitFor();
    await expect.poll(() => tasks.item("Doomed task").count()).toBe(0);

    // Retry from the toast once the server is back.
    await page.unrouteAll();
    await tasks.errorToasts().filter({ hasText: "Couldn't add" }).getByTestId("toast-action").click();
    await tasks.item("Doomed task").waitFor();
    await tasks.settled();
    const deleted = page.waitForResponse((r) => r.request().method() === "DELETE", { timeout: 15_000 });
    await tasks.delete("Doomed task");
    expect((await deleted).status()).toBe(204);
    await context.close();
  });

  it("offers keyboard shortcuts: n, / and ?", async () => {
    const { page, context } = await openPage(browser, server.url);
    await page.goto("/sign-in");
    await new SignInPage(page).signIn(ada.email, ada.password);
    const tasks = new TasksPage(page);
    await tasks.ready();
    await page.locator("body").click({ position: { x: 5, y: 300 } });

    await page.keyboard.press("n");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("quick-add-input");
    await page.keyboard.type("Typed after n");
    await page.keyboard.press("Enter");
    await tasks.item("Typed after n").waitFor();

    await page.keyboard.press("Escape");
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("search-input");
    await page.keyboard.press("Escape");

    await page.keyboard.press("?");
    await page.getByTestId("shortcuts-dialog").waitFor();
    await page.keyboard.press("Escape");
    await page.getByTestId("shortcuts-dialog").waitFor({ state: "hidden" });
    await context.close();
  });

  it("says so in place when the server can't be reached", async () => {
    const { page, context } = await openPage(browser, server.url);
    const signIn = new SignInPage(page);
    await signIn.goto();
    await page.route("**/api/auth/sign-in/**", (route) => route.abort("connectionrefused"));
    await signIn.fill(ada.email, ada.password);
    await signIn.submit();
    await expect(signIn.formError.innerText()).resolves.toMatch(/can't reach the server/i);
    await context.close();
  });
});
