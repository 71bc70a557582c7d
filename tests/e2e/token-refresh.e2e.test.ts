/**
 * Tokens in the browser: a page load takes its token from the get-session response,
 * concurrent requests share one mint, a rejected token is refreshed once and the
 * request retried, and with 5-second tokens the app keeps working across expiries
 * (refreshed in the background, about once per lifetime).
 *
 * Every assertion waits on the events it counts (requests, responses, mints recorded
 * before the page sees them), never on time. Tests that count mints run against a
 * server with the default 15-minute tokens, so no background refresh can fall inside
 * what they count.
 */
import type { Browser, Page, Request, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/start-server.ts";
import { SignUpPage } from "../pages/auth-pages.ts";
import { TasksPage } from "../pages/tasks-page.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { ensureWebBuilt } from "./support/build-web.ts";
import { E2E_SERVER_ENV } from "./support/server-env.ts";
import { uniqueEmail } from "./support/seed.ts";

const TTL_SECONDS = 5;
let browser: Browser;

beforeAll(async () => {
  await ensureWebBuilt();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A server for one describe block (each block's hook starts only its own). */
function serverWith(env: Record<string, string>): { readonly url: string } {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer({ ...E2E_SERVER_ENV, ...env });
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error("server not started");
      return server.url;
    },
  };
}

const path = (r: Request | Response) => new URL(r.url()).pathname;
const isList = (r: Request | Response) => path(r) === "/api/me/tasks" && ("method" in r ? r.method() : r.request().method()) === "GET";
const isCounts = (r: Request | Response) => path(r) === "/api/me/tasks/counts";
const bearer = async (r: Request) => (await r.headerValue("authorization"))?.replace(/^Bearer /, "") ?? "";
const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as { iat: number; exp: number };

/** Passes GET /api/auth/token through, recording each minted token before the page receives it. */
async function recordMints(page: Page) {
  const minted: string[] = [];
  let notify = () => {};
  await page.route(
    (u) => u.pathname === "/api/auth/token",
    async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { token?: string };
      if (body.token) minted.push(body.token);
      await route.fulfill({ response: res });
      notify();
    },
  );
  return {
    minted,
    /** Resolves once `n` tokens have been minted in all. */
    async until(n: number): Promise<void> {
      while (minted.length < n) await new Promise<void>((resolve) => (notify = resolve));
    },
  };
}

async function signUp(page: Page, name: string): Promise<TasksPage> {
  await new SignUpPage(page).goto();
  await new SignUpPage(page).signUp({ name, email: uniqueEmail(name.split(" ")[0]!.toLowerCase()), password: "correct horse battery" });
  const tasks = new TasksPage(page);
  await tasks.ready();
  return tasks;
}

describe("tokens with the default 15-minute lifetime", () => {
  const steady = serverWith({});

  it("takes a page load's token from get-session, shares one mint between first requests, and reuses it", async () => {
    const { page, context, errors } = await openPage(browser, steady.url);
    const tasks = await signUp(page, "Tess Token");
    const mints = await recordMints(page);

    // A page load takes its first token from the get-session response: no extra round trip.
    const session = page.waitForResponse((r) => path(r) === "/api/auth/get-session" && r.headers()["set-auth-jwt"] !== undefined);
    const firstList = page.waitForRequest(isList);
    await page.reload();
    const offered = (await session).headers()["set-auth-jwt"];
    expect(await bearer(await firstList)).toBe(offered);
    await tasks.ready();
    expect(mints.minted).toEqual([]);

    // Without it, the list and the counts need a token at once: one mint serves both.
    await page.route("**/api/auth/get-session*", async (route) => {
      const res = await route.fetch();
      const headers = { ...res.headers() };
      delete headers["set-auth-jwt"];
      await route.fulfill({ response: res, headers });
    });
    const list = page.waitForResponse(isList);
    const counts = page.waitForResponse(isCounts);
    await page.reload();
    const [listRes, countsRes] = await Promise.all([list, counts]);
    expect([listRes.status(), countsRes.status()]).toEqual([200, 200]);
    expect(mints.minted).toHaveLength(1);
    expect(await bearer(listRes.request())).toBe(mints.minted[0]);
    expect(await bearer(countsRes.request())).toBe(mints.minted[0]);
    await tasks.ready();
    await page.unroute("**/api/auth/get-session*");

    // A burst of work reuses that token: no mint per request.
    const used = new Set<string>();
    page.on("request", (r) => path(r).startsWith("/api/me/tasks") && used.add(r.headers()["authorization"] ?? ""));
    for (const t of ["one", "two", "three", "four"]) await tasks.quickAdd(`Task ${t}`);
    await tasks.settled(); // every optimistic row has its server id: all four POSTs were answered
    const toggled = page.waitForResponse((r) => path(r).endsWith("/complete"));
    await tasks.toggle("Task two");
    await toggled;
    await tasks.view("all");
    expect(await tasks.titles()).toHaveLength(4);
    expect(mints.minted).toHaveLength(1);
    expect([...used]).toEqual([`Bearer ${mints.minted[0]}`]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("works with a device clock 20 minutes ahead of the server, on the token its page load brought", async () => {
    const { page, context, errors } = await openPage(browser, steady.url);
    // By this clock every token the server issues has expired: the app must read exp by the server's clock.
    await page.clock.install({ time: Date.now() + 20 * 60_000 });
    const tasks = await signUp(page, "Cleo Clock");
    const mints = await recordMints(page);
    await page.reload();
    await tasks.ready();
    for (const t of ["one", "two"]) await tasks.quickAdd(`Ahead ${t}`);
    await tasks.settled();
    await tasks.view("all");
    await expect.poll(() => tasks.titles()).toEqual(["Ahead two", "Ahead one"]);
    expect(mints.minted).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("refreshes once and retries when the API rejects the token", async () => {
    const { page, context } = await openPage(browser, steady.url);
    const tasks = await signUp(page, "Rita Retry");
    await tasks.quickAdd("Survives a rejected token");
    await tasks.settled();

    // From here on the API refuses every token the page already has (as if the server's clock
    // had jumped): only a token minted from now on is accepted. Whatever requests the page makes
    // meanwhile (a live-update reload may race the view change), each one is refused until the
    // page has refreshed.
    const mints = await recordMints(page);
    const refused: string[] = [];
    await page.route(
      (u) => u.pathname.startsWith("/api/me/"),
      async (route) => {
        if (mints.minted.includes(await bearer(route.request()))) return route.continue();
        refused.push(path(route.request()));
        await route.fulfill({ status: 401, contentType: "application/json", body: JSON.stringify({ error: { code: "token_expired", message: "the token has expired" } }) });
      },
    );
    const retried = page.waitForResponse(async (r) => isList(r) && r.status() === 200 && mints.minted.includes(await bearer(r.request())));
    await tasks.view("all");
    await retried;
    await tasks.ready();
    expect(await tasks.titles()).toEqual(["Survives a rejected token"]);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(mints.minted).toHaveLength(1);

    // The new token is kept: the next write goes through with it, without another mint.
    const created = page.waitForResponse((r) => path(r) === "/api/me/tasks" && r.request().method() === "POST");
    await tasks.quickAdd("Added with the new token");
    expect((await created).status()).toBe(201);
    await tasks.settled();
    expect(mints.minted).toHaveLength(1);
    expect(await tasks.errorToasts().count()).toBe(0);
    await context.close();
  });
});

describe(`tokens that live ${TTL_SECONDS} seconds`, () => {
  const shortLived = serverWith({ JWT_TTL_SECONDS: String(TTL_SECONDS) });

  it("keeps working across token expiries, refreshing in the background about once per lifetime", async () => {
    const { page, context, errors } = await openPage(browser, shortLived.url);
    const apiStatuses: number[] = [];
    page.on("response", (r) => path(r).startsWith("/api/me/") && apiStatuses.push(r.status()));
    const mints = await recordMints(page);
    const tasks = await signUp(page, "Ivy Idle");
    await tasks.quickAdd("Added before the idle");
    await tasks.settled();

    // Idle: background refreshes keep a valid token ready. Two of them outlast the token the
    // page had before (each comes when the previous token is 1.25 s from its 5 s expiry).
    const before = mints.minted.length;
    await mints.until(before + 2);
    const iats = mints.minted.slice(before).map((t) => claims(t).iat);
    // Never one per request: a refresh waits until the token in hand is nearly used up (≥ 3 s
    // of a 5 s life, whole seconds). A slow machine only spreads them further apart.
    expect(iats[1]! - iats[0]!).toBeGreaterThanOrEqual(3);

    // The user keeps working and notices nothing.
    await tasks.quickAdd("Added after expiry");
    await tasks.settled();
    await tasks.rename("Added before the idle", "Renamed after expiry");
    await tasks.item("Renamed after expiry").waitFor();
    await page.reload();
    await tasks.ready();
    expect(await tasks.titles()).toEqual(expect.arrayContaining(["Added after expiry", "Renamed after expiry"]));
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await tasks.errorToasts().count()).toBe(0);
    expect(apiStatuses.filter((s) => s === 401)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
