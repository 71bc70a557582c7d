/**
 * Issue 14, "survive an outage": the server stops mid-session and comes back.
 * The list stays on screen (marked offline), text in the quick-add box stays, a
 * task added and a task completed while offline are saved exactly once when the
 * server returns, and live updates from other surfaces resume without a reload.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TaskPage } from "../../src/contracts/task.ts";
import type { RunningServer } from "../../src/server/start.ts";
import { startRecordingServer } from "../support/start-server.ts";
import { TasksPage } from "../pages/tasks-page.ts";
import { RAISED_LIMITS } from "../support/limits.ts";
import { TEST_SECRET } from "../support/test-app.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { ensureWebBuilt } from "./support/build-web.ts";
import { signUpInContext, tokenInContext, uniqueEmail } from "./support/seed.ts";
import { E2E_SERVER_ENV } from "./support/server-env.ts";

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });

let browser: Browser;
let server: RunningServer | null = null;
let dataDir: string;
let env: Record<string, string>;
const start = async () => (server = await startRecordingServer(env));
const stop = async () => {
  await server?.close(500);
  server = null;
};

beforeAll(async () => {
  await ensureWebBuilt();
  dataDir = mkdtempSync(join(tmpdir(), "tickler-offline-"));
  // One data dir and one port across the restart: the same server, as far as the browser can tell.
  env = {
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: String(await freePort()),
    BETTER_AUTH_SECRET: TEST_SECRET,
    LOG_LEVEL: "silent",
    DATA_DIR: dataDir,
    ...RAISED_LIMITS,
    ...E2E_SERVER_ENV,
  };
  [browser] = await Promise.all([launchBrowser(), start()]);
});

afterAll(async () => {
  await browser?.close();
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the web app through a server outage", () => {
  it("keeps the list and typed text, queues writes, replays them once, and resumes live updates", async () => {
    const url = server!.url;
    const { page, context } = await openPage(browser, url);
    await signUpInContext(context, url, { name: "Offline Olga", email: uniqueEmail("olga"), password: "correct horse battery" });
    const tasks = new TasksPage(page);
    await tasks.goto("/");
    await tasks.quickAdd("Water the plants");
    await tasks.quickAdd("Pay rent");
    await tasks.settled();
    await page.waitForFunction(() => document.documentElement.dataset.liveEvents === "open");
    const token = await tokenInContext(context, url);
    const api = async (method: string, path: string, body?: unknown) =>
      fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    // Half-typed text in the box while the server goes away.
    const input = page.getByTestId("quick-add-input");
    await input.fill("half typed");
    await stop();

    await page.getByTestId("offline-notice").waitFor();
    await expect(page.getByTestId("offline-notice").innerText()).resolves.toMatch(/Offline/);
    expect(await tasks.titles()).toEqual(["Pay rent", "Water the plants"]);
    await expect(input.inputValue()).resolves.toBe("half typed");

    // Writes while offline: a new task shows at once and is counted as waiting; a completion too.
    await tasks.quickAdd("Added offline");
    await tasks.toggle("Pay rent");
    expect(await tasks.titles()).toEqual(["Added offline", "Pay rent", "Water the plants"]);
    await page.waitForFunction(() => /2 changes/.test(document.querySelector('[data-testid="offline-notice"]')?.textContent ?? ""));
    // A failed load must not have replaced the list (the old behaviour: "Couldn't load your tasks").
    await expect(page.getByTestId("list-error").count()).resolves.toBe(0);

    await start();
    // The stream reconnects on its own and the queue replays: the notice goes, the new row gets its real id.
    await page.waitForFunction(() => document.documentElement.dataset.liveEvents === "open", undefined, { timeout: 15_000 });
    await page.getByTestId("offline-notice").waitFor({ state: "detached" });
    await tasks.settled();
    await tasks.item("Added offline").waitFor();
    // Counts caught up too: "Added offline" and "Water the plants" are the pending ones.
    await page.waitForFunction(() => document.querySelector('[data-testid="view-total"]')?.textContent === "2 tasks");

    const all = (await (await api("GET", "/api/me/tasks?status=all&limit=100")).json()) as TaskPage;
    expect(all.tasks.filter((t) => t.title === "Added offline")).toHaveLength(1);
    expect(all.tasks.find((t) => t.title === "Pay rent")?.completed).toBe(true);
    expect(all.tasks).toHaveLength(3);

    // Live updates are back: a change made elsewhere shows up without a reload.
    expect((await api("POST", "/api/me/tasks", { title: "From another device" })).status).toBe(201);
    await tasks.item("From another device").waitFor();

    // Nothing is left in the queue after a reload, and nothing is created again.
    await tasks.goto("/");
    await tasks.item("Added offline").waitFor();
    const again = (await (await api("GET", "/api/me/tasks?status=all&limit=100")).json()) as TaskPage;
    expect(again.tasks.filter((t) => t.title === "Added offline")).toHaveLength(1);
    await context.close();
  });
});
