/**
 * The assistant's suggestion chips and Markdown in a real browser, with the
 * built-in offline model: a bulk change previews with Yes/No buttons, Yes makes
 * it and Undo puts every task back; typing "no" still works; a message it did not
 * understand offers the closest actions as buttons; HTML in a reply stays text.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/start-server.ts";
import { ChatPanel } from "../pages/chat-panel.ts";
import { TasksPage } from "../pages/tasks-page.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { ensureWebBuilt } from "./support/build-web.ts";
import { E2E_SERVER_ENV } from "./support/server-env.ts";
import { signUpInContext, tokenInContext, uniqueEmail } from "./support/seed.ts";

const OUT = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  await ensureWebBuilt();
  [server, browser] = await Promise.all([startTestServer(E2E_SERVER_ENV), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const api = async (token: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${server.url}/api/me/${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.ok).toBe(true);
  return res.json() as Promise<Record<string, unknown>>;
};

describe("assistant chips and Markdown", () => {
  it("previews a bulk change with Yes/No, makes it on Yes, undoes it; offers closest actions; keeps HTML inert", async () => {
    const { page, context, errors } = await openPage(browser, server.url);
    await signUpInContext(context, server.url, {
      name: "Chip Chan",
      email: uniqueEmail("chips"),
      password: "correct horse battery",
    });
    const token = await tokenInContext(context, server.url);
    const a = (await api(token, "POST", "tasks", { title: "Old report", due_at: "2020-01-01T09:00:00Z" })).id as number;
    const b = (await api(token, "POST", "tasks", { title: "Old invoice", due_at: "2020-01-02T23:59:59Z" }))
      .id as number;
    const tasks = new TasksPage(page);
    const chat = new ChatPanel(page);
    await tasks.goto("/");
    await chat.open();

    // The preview is a Markdown list, with Yes/No buttons under it.
    expect(await chat.ask("move all overdue tasks to tomorrow")).toMatch(/^Move these 2 tasks to tomorrow\?/);
    const reply = chat.lastReply();
    await expect
      .poll(() => reply.getByTestId("message-text").locator("li").allInnerTexts())
      .toEqual([`“Old report” (task ${a})`, `“Old invoice” (task ${b})`]);
    const chips = reply.getByTestId("suggestion");
    await expect.poll(() => chips.allInnerTexts()).toEqual(["Yes", "No"]);
    await page.screenshot({ path: `${OUT}chat-chips-desktop-light.png` });

    await chips.filter({ hasText: "Yes" }).click();
    await expect.poll(() => chat.userMessages.last().innerText()).toMatch(/Yes/);
    expect(await chat.waitForReply()).toMatch(/^Moved 2 tasks to tomorrow/);
    await expect.poll(() => chat.lastReply().getByTestId("suggestion").count()).toBe(0);
    const card = chat.toolCard(/^Updated 2 tasks/);
    await card.getByTestId("tool-undo").click();
    await expect.poll(() => card.getByTestId("tool-undo-note").textContent()).toMatch(/Undone\. Restored 2 tasks/);
    await expect
      .poll(async () => [
        (await api(token, "GET", `tasks/${a}`)).due_at,
        (await api(token, "GET", `tasks/${b}`)).due_at,
      ])
      .toEqual(["2020-01-01T09:00:00.000Z", "2020-01-02T23:59:59.000Z"]);

    // Typing the answer works as well as the button.
    expect(await chat.ask("make all overdue tasks high priority")).toMatch(/^Set these 2 tasks to high priority\?/);
    expect(await chat.ask("no")).toBe("OK, nothing changed.");
    expect((await api(token, "GET", `tasks/${a}`)).priority).toBe("none");

    // Not understood: the closest actions as buttons; one tap sends it.
    expect(await chat.ask("gimme the tomorrow stuff")).toMatch(/^I didn't understand/);
    const near = chat.lastReply().getByTestId("suggestion");
    await expect.poll(() => near.allInnerTexts()).toEqual(["what's due today?"]);
    await near.first().click();
    await expect
      .poll(() => chat.userMessages.last().getByTestId("message-text").textContent())
      .toBe("what's due today?");
    await chat.waitForReply();

    // HTML the reply repeats is shown as text: no element, no handler runs.
    await chat.ask('<img src=x onerror="window.__chipsXss=1">');
    const text = chat.lastReply().getByTestId("message-text");
    await expect.poll(() => text.textContent()).toMatch(/<img src=x onerror="window.__chipsXss=1">/);
    expect(await text.locator("img, script").count()).toBe(0);
    expect(await page.evaluate(() => (window as { __chipsXss?: number }).__chipsXss)).toBeUndefined();

    expect(errors).toEqual([]);
    await context.close();
  });
});
