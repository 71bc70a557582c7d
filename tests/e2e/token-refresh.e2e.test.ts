/**
 * With 5-second tokens, the app keeps working across expiries without the user
 * noticing: tokens are refreshed in the background, a 401 triggers one refresh
 * and a retry, and concurrent requests share one refresh.
 */
import type { Browser, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/start-server.ts";
import { SignUpPage } from "../pages/auth-pages.ts";
import { TasksPage } from "../pages/tasks-page.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { ensureWebBuilt } from "./support/build-web.ts";
import { E2E_SERVER_ENV } from "./support/server-env.ts";
import { uniqueEmail } from "./support/seed.ts";

const TTL_SECONDS = 5;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureWebBuilt();
  [server, browser] = await Promise.all([startTestServer({ ...E2E_SERVER_ENV, JWT_TTL_SECONDS: String(TTL_SECONDS) }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("token refresh", () => {
  it("keeps working across token expiries, minting tokens only when needed", async () => {
    const { page, context, errors } = await openPage(browser, server.url);
    const tokenRequests: number[] = [];
    const apiStatuses: number[] = [];
    const isTokenRequest = (r: Request) => new URL(r.url()).pathname === "/api/auth/token";
    page.on("request", (r) => isTokenRequest(r) && tokenRequests.push(Date.now()));
    page.on("response", (r) => new URL(r.url()).pathname.startsWith("/api/me/") && apiStatuses.push(r.status()));

    await new SignUpPage(page).goto();
    await new SignUpPage(page).signUp({ name: "Tess Token", email: uniqueEmail("tess"), password: "correct horse battery" });
    const tasks = new TasksPage(page);
    await tasks.ready();

    // A page load takes its first token from the get-session response: no extra round trip.
    tokenRequests.length = 0;
    await page.reload();
    await tasks.ready();
    await page.getByTestId("view-total").waitFor();
    expect(tokenRequests).toHaveLength(0);

    // Without it, the list and the counts need a token at once: one mint serves both.
    await page.route("**/api/auth/get-session*", async (route) => {
      const res = await route.fetch();
      const headers = { ...res.headers() };
      delete headers["set-auth-jwt"];
      await route.fulfill({ response: res, headers });
    });
    await page.reload();
    await tasks.ready();
    await page.getByTestId("view-total").waitFor();
    expect(tokenRequests).toHaveLength(1);
    await page.unrouteAll();

    // A burst of work reuses the same token.
    for (const t of ["one", "two", "three", "four"]) await tasks.quickAdd(`Task ${t}`);
    await tasks.settled();
    await tasks.toggle("Task two");
    await tasks.view("all");
    // (a background refresh may fall inside the burst on a slow machine, never one per request)
    expect(tokenRequests.length).toBeLessThanOrEqual(2);

    // Idle past several lifetimes: background refreshes keep a valid token ready, about one per lifetime.
    const idleStart = Date.now();
    await page.waitForTimeout(TTL_SECONDS * 1000 * 2 + 1500);
    const idleMints = tokenRequests.filter((t) => t >= idleStart).length;
    expect(idleMints).toBeGreaterThanOrEqual(2);
    expect(idleMints).toBeLessThanOrEqual(4);

    // The user keeps working and notices nothing.
    await tasks.quickAdd("Added after expiry");
    await tasks.settled();
    await tasks.rename("Task one", "Task one (renamed)");
    await tasks.item("Task one (renamed)").waitFor();
    await page.reload();
    await tasks.ready();
    expect(await tasks.titles()).toContain("Added after expiry");
    expect(await tasks.titles()).toContain("Task one (renamed)");
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await tasks.errorToasts().count()).toBe(0);
    expect(apiStatuses.filter((s) => s === 401)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("refreshes once and retries when the API rejects the token", async () => {
    const { page, context } = await openPage(browser, server.url);
    await new SignUpPage(page).goto();
    await new SignUpPage(page).signUp({ name: "Rita Retry", email: uniqueEmail("rita"), password: "correct horse battery" });
    const tasks = new TasksPage(page);
    await tasks.quickAdd("Survives a rejected token");
    await tasks.settled();

    // The next list request is answered as if the token had just expired (e.g. clock skew).
    let rejected = 0;
    await page.route(
      (url) => url.pathname === "/api/me/tasks",
      async (route) => {
        if (rejected++ === 0 && route.request().method() === "GET") {
          await route.fulfill({ status: 401, contentType: "application/json", body: JSON.stringify({ error: { code: "token_expired", message: "the token has expired" } }) });
        } else {
          await route.continue();
        }
      },
    );
    const tokenRequests: string[] = [];
    page.on("request", (r) => new URL(r.url()).pathname === "/api/auth/token" && tokenRequests.push(r.url()));

    await tasks.view("all");
    expect(await tasks.titles()).toEqual(["Survives a rejected token"]);
    // The rejected request and its retry (a live-update reload may add one more list request).
    expect(rejected).toBeGreaterThanOrEqual(2);
    expect(tokenRequests).toHaveLength(1);
    expect(await tasks.errorToasts().count()).toBe(0);
    await context.close();
  });
});
