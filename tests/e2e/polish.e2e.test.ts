/**
 * Rough edges a new user hit (issue 15), in Chromium: Undo after completing,
 * Esc in the editor asks before dropping edits, the theme choice fits its menu,
 * text limits are shown rather than enforced silently, the Sort control keeps
 * its place, the Completed view has no quick-add, and the heading counts what
 * the filters show. Screenshots in test-results/screenshots/polish-*.png.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { MESSAGE_MAX } from "../../src/contracts/chat.ts";
import { TITLE_MAX } from "../../src/contracts/task.ts";
import { TasksPage } from "../pages/tasks-page.ts";
import { seriousA11yViolations } from "./support/axe.ts";
import { openPage } from "./support/browser.ts";
import { SCREENSHOTS, useE2eApp } from "./support/e2e-app.ts";
import { seedTasks, signUpInContext, tokenInContext, uniqueEmail } from "./support/seed.ts";

const app = useE2eApp();

async function signedIn(seed: Parameters<typeof seedTasks>[3] = [], options: Parameters<typeof openPage>[2] = {}) {
  const tracked = await openPage(app.browser, app.server.url, options);
  await signUpInContext(tracked.context, app.server.url, { name: "Polly Polish", email: uniqueEmail("polish"), password: "correct horse battery" });
  const token = await tokenInContext(tracked.context, app.server.url);
  if (seed.length) await seedTasks(tracked.context, app.server.url, token, seed, 1);
  const tasks = new TasksPage(tracked.page);
  await tasks.goto("/");
  const api = async (path: string) => (await tracked.context.request.get(`${app.server.url}/api/me${path}`, { headers: { Authorization: `Bearer ${token}` } })).json();
  return { ...tracked, tasks, api };
}

/** True when `inner`'s box lies inside `outer`'s (nothing cut off). */
async function inside(page: Page, inner: string, outer: string): Promise<boolean> {
  const [a, b] = await Promise.all([page.locator(inner).boundingBox(), page.locator(outer).boundingBox()]);
  if (!a || !b) return false;
  return a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
}

describe("polish", () => {
  it("completing a task can be undone from its toast", async () => {
    const { context, tasks, api, page } = await signedIn([{ title: "Water plants" }, { title: "Email landlord" }]);
    await tasks.toggle("Water plants");
    const toast = page.getByTestId("toast").filter({ hasText: "Completed “Water plants”" });
    await toast.waitFor();
    await expect.poll(async () => (await api("/tasks/counts")).completed).toBe(1);

    await tasks.undo("Completed");
    await expect.poll(() => tasks.item("Water plants").getAttribute("data-completed")).toBe("false");
    await expect.poll(async () => (await api("/tasks/counts")).completed).toBe(0);
    // Still there after the list reloads from the server.
    await tasks.goto("/");
    expect(await tasks.titles()).toEqual(["Email landlord", "Water plants"]);
    await context.close();
  });

  it("Esc in the editor asks before throwing edits away", async () => {
    const { context, tasks, page, api } = await signedIn([{ title: "Draft the agenda" }]);
    const editor = page.getByTestId("task-editor");
    await tasks.item("Draft the agenda").getByTestId("task-edit").click();
    await editor.getByTestId("editor-title").waitFor();

    // Untouched: Esc just closes.
    await page.keyboard.press("Escape");
    await editor.waitFor({ state: "hidden" });

    await tasks.item("Draft the agenda").getByTestId("task-edit").click();
    await editor.getByTestId("editor-title").fill("Draft the agenda for Monday");
    await page.keyboard.press("Escape");
    await editor.getByTestId("editor-discard").waitFor();
    expect(await editor.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("editor-keep-editing");
    await page.screenshot({ path: `${SCREENSHOTS}polish-editor-discard.png` });

    await editor.getByTestId("editor-keep-editing").click();
    expect(await editor.getByTestId("editor-discard").count()).toBe(0);
    expect(await editor.getByTestId("editor-title").inputValue()).toBe("Draft the agenda for Monday");

    await page.keyboard.press("Escape");
    await editor.getByTestId("editor-discard-confirm").click();
    await editor.waitFor({ state: "hidden" });
    expect(await tasks.titles()).toEqual(["Draft the agenda"]);
    expect((await api("/tasks")).tasks.map((t: { title: string }) => t.title)).toEqual(["Draft the agenda"]);
    await context.close();
  });

  for (const [name, viewport, colorScheme] of [
    ["desktop-light", { width: 1280, height: 800 }, "light"],
    ["phone-dark", { width: 390, height: 844 }, "dark"],
  ] as const) {
    it(`shows every theme choice inside the account menu (${name})`, async () => {
      const { context, tasks, page } = await signedIn([], { viewport, colorScheme });
      await tasks.openAccountMenu();
      for (const t of ["system", "light", "dark"]) expect(await inside(page, `[data-testid="theme-${t}"]`, '[data-testid="account-panel"]')).toBe(true);
      await page.getByTestId("theme-dark").click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme ?? document.documentElement.className)).toMatch(/dark/);
      await page.screenshot({ path: `${SCREENSHOTS}polish-account-menu-${name}.png` });
      await context.close();
    });
  }

  it("shows text limits instead of cutting or refusing silently", async () => {
    const { context, tasks, page } = await signedIn();
    const input = page.getByTestId("quick-add-input");
    await input.fill(`${"a".repeat(TITLE_MAX - 5)} tomorrow`);
    await page.getByTestId("quick-add-length").waitFor();
    expect(await page.getByTestId("quick-add-length").innerText()).toBe(`${TITLE_MAX - 5} / ${TITLE_MAX}`);
    expect(await page.getByTestId("quick-add-submit").isEnabled()).toBe(true);

    const long = "b".repeat(TITLE_MAX + 13);
    await input.fill(long);
    expect(await page.getByTestId("quick-add-length").innerText()).toBe(`Too long: ${TITLE_MAX + 13} / ${TITLE_MAX} characters`);
    expect(await page.getByTestId("quick-add-submit").isDisabled()).toBe(true);
    await input.press("Enter");
    expect(await input.inputValue()).toBe(long); // nothing was cut, nothing was sent
    expect(await tasks.items.count()).toBe(0);

    // A task the server refuses is not offered a Retry that can only fail again; its message is for people.
    await input.fill("Refused by the server");
    await page.route((u) => u.pathname === "/api/me/tasks", (route) =>
      route.request().method() === "POST"
        ? route.fulfill({ status: 422, contentType: "application/json", body: JSON.stringify({ error: { code: "validation_failed", message: "body title: title must be at most 200 characters", details: [{ path: "title", message: "title must be at most 200 characters" }] } }) })
        : route.continue(),
    );
    await input.press("Enter");
    const toast = tasks.errorToasts().filter({ hasText: "Couldn't add" });
    await toast.waitFor();
    expect(await toast.innerText()).toContain("Title must be at most 200 characters.");
    expect(await toast.getByTestId("toast-action").count()).toBe(0);
    await expect.poll(() => input.inputValue()).toBe("Refused by the server");
    await page.unrouteAll();

    // The chat box neither truncates a long paste nor sends it.
    const chat = page.getByTestId("chat-input").first();
    await chat.waitFor(); // the desktop layout opens the (lazily loaded) assistant panel by itself
    await chat.fill("c".repeat(MESSAGE_MAX + 100));
    expect((await chat.inputValue()).length).toBe(MESSAGE_MAX + 100);
    expect(await page.getByTestId("chat-length").first().innerText()).toMatch(/^Too long: 4,100 \/ 4,000 characters$/);
    expect(await page.getByTestId("chat-send").first().isDisabled()).toBe(true);
    await context.close();
  });

  it("keeps Sort beside the heading, counts what the filters show, and has no quick-add in Completed", async () => {
    const longTag = "a-rather-long-tag-name-for-the-menu";
    const { context, tasks, page } = await signedIn([
      { title: "Buy milk", tags: [longTag] },
      { title: "Buy bread" },
      { title: "Call mom", completed: true },
    ]);
    const [heading, sort] = await Promise.all([page.getByTestId("view-heading").boundingBox(), page.getByTestId("sort-select").boundingBox()]);
    expect(heading && sort && Math.abs(heading.y + heading.height / 2 - (sort.y + sort.height / 2)) < heading.height).toBe(true);
    expect(await page.getByTestId("view-total").innerText()).toBe("2 tasks");

    await tasks.search("milk");
    await expect.poll(() => page.getByTestId("view-total").innerText()).toBe("1 matching");
    await tasks.clearFilters();
    await tasks.filterTag(longTag);
    await expect.poll(() => page.getByTestId("view-total").innerText()).toBe("1 matching");
    await tasks.clearFilters();
    await expect.poll(() => page.getByTestId("view-total").innerText()).toBe("2 tasks");

    await tasks.view("completed");
    expect(await tasks.titles()).toEqual(["Call mom"]);
    expect(await page.getByTestId("quick-add-input").count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}polish-completed-view.png` });
    await context.close();
  });

  it("moves through tasks with the keyboard: one Tab stop, arrows, Space/x, Delete with Ctrl+Z, Enter, and g-sequences", async () => {
    const { context, tasks, page, api } = await signedIn([{ title: "Third" }, { title: "Second" }, { title: "First" }]);
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest("[data-testid=task-item]")?.querySelector("[data-testid=task-title]")?.textContent ?? document.activeElement?.getAttribute("data-testid") ?? null);
    const isRow = () => page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "task-item");

    await tasks.item("First").focus();
    await page.keyboard.press("ArrowDown");
    expect([await focused(), await isRow()]).toEqual(["Second", true]);
    await page.keyboard.press("End");
    expect(await focused()).toBe("Third");
    await page.keyboard.press("ArrowUp");
    expect(await focused()).toBe("Second");

    // Only the focused row's controls are in the Tab order: drag handle, checkbox, title, edit, delete, then out of the list.
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press("Tab");
      expect(await focused()).toBe("Second");
    }
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !document.activeElement?.closest("[data-testid=task-list]"))).toBe(true);

    await tasks.item("Second").focus();
    await page.keyboard.press("x");
    await page.getByTestId("toast").filter({ hasText: "Completed “Second”" }).waitFor();
    await expect.poll(async () => (await api("/tasks/counts")).completed).toBe(1);
    await page.keyboard.press("Control+z");
    await expect.poll(async () => (await api("/tasks/counts")).completed).toBe(0);

    await tasks.item("Third").focus();
    await page.keyboard.press("Delete");
    await page.getByTestId("toast").filter({ hasText: "Deleted “Third”" }).waitFor();
    await expect.poll(() => tasks.item("Third").count()).toBe(0);
    expect(await focused()).not.toBe("Third");
    await page.keyboard.press("Control+z");
    await tasks.item("Third").waitFor();

    await tasks.item("First").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("task-editor").getByTestId("editor-title").waitFor();
    expect(await page.getByTestId("task-editor").getByTestId("editor-title").inputValue()).toBe("First");
    await page.keyboard.press("Escape");
    await page.getByTestId("task-editor").waitFor({ state: "hidden" });

    await page.locator("body").click({ position: { x: 5, y: 400 } });
    await page.keyboard.press("g");
    await page.keyboard.press("t");
    await expect.poll(() => page.getByTestId("view-heading").innerText()).toBe("Today");
    await page.keyboard.press("g");
    await page.keyboard.press("u");
    await expect.poll(() => page.getByTestId("view-heading").innerText()).toBe("Upcoming");
    await page.keyboard.press("q");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("quick-add-input");
    await page.keyboard.press("Escape");
    await page.keyboard.press("?");
    const help = page.getByTestId("shortcuts-dialog");
    await help.waitFor();
    for (const keys of ["g t", "Ctrl+Z", "Delete"]) expect(await help.innerText()).toContain(keys.split(" ").join("\n"));
    await page.keyboard.press("Escape");
    await context.close();
  });

  it("gives checkboxes a 24 px target on the phone", async () => {
    const { context, tasks } = await signedIn([{ title: "Tap me" }], { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const box = await tasks.item("Tap me").getByTestId("task-toggle").boundingBox();
    expect(box && Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
    await context.close();
  });

  for (const [name, viewport, colorScheme] of [
    ["desktop-light", { width: 1280, height: 800 }, "light"],
    ["phone-dark", { width: 390, height: 844 }, "dark"],
  ] as const) {
    it(`shows signed-out visitors a front page with real screenshots and the way in (${name})`, async () => {
      const { page, context, errors } = await openPage(app.browser, app.server.url, { viewport, colorScheme, bypassCSP: true }); // only so axe can be injected
      await page.goto("/");
      await page.getByTestId("landing").waitFor();
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Your tasks, in plain language.");
      const shot = page.locator(".landing-shot-desktop");
      await expect.poll(() => shot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1280);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SCREENSHOTS}polish-landing-${name}.png`, fullPage: true });
      await page.getByTestId("landing-sign-up").click();
      await page.getByTestId("sign-up-form").waitFor();
      expect(new URL(page.url()).pathname).toBe("/sign-up");
      // Deep links still go straight to sign in and back.
      await page.goto("/?view=today");
      await page.waitForURL((u) => u.pathname === "/sign-in" && u.searchParams.get("next") === "/?view=today");
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it("changes the name on the account page, within the sign-up bound", async () => {
    const { context, page, api } = await signedIn();
    await page.goto("/account");
    await page.getByTestId("profile-edit-name").click();
    const input = page.getByTestId("profile-name-input");
    await input.fill("x".repeat(101));
    expect(await page.getByTestId("profile-name-length").innerText()).toBe("Too long: 101 / 100 characters");
    await page.getByTestId("profile-name-save").click();
    await expect.poll(() => page.getByTestId("profile-name-form").innerText()).toMatch(/at most 100 characters/);

    await input.fill("Polly Renamed");
    await page.getByTestId("profile-name-save").click();
    await expect.poll(() => page.getByTestId("profile-name").innerText()).toBe("Polly Renamed");
    await expect.poll(() => page.getByTestId("account-button").innerText()).toMatch(/Polly Renamed/);
    await page.reload();
    await expect.poll(() => page.getByTestId("profile-name").innerText()).toBe("Polly Renamed");
    expect((await api("/tasks")).tasks).toEqual([]); // the API still answers for the same user
    await context.close();
  });
});
