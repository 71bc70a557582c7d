/**
 * The lifecycle every browser test file shares: the built web app, one test
 * server and one Chromium, started once per file and closed after it.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startTestServer, type TestServer } from "../../support/start-server.ts";
import { launchBrowser } from "./browser.ts";
import { ensureWebBuilt } from "./build-web.ts";
import { E2E_SERVER_ENV } from "./server-env.ts";

/** Where browser tests write screenshots for people to look at (ends with a slash). */
export const SCREENSHOTS = fileURLToPath(new URL("../../../test-results/screenshots/", import.meta.url));

export interface E2eApp {
  server: TestServer;
  browser: Browser;
}

type Lazy<T> = T | (() => T);
const resolve = <T>(v: Lazy<T>): T => (typeof v === "function" ? (v as () => T)() : v);

export interface E2eAppOptions {
  /** More Chromium switches (read when beforeAll runs, after the file's earlier beforeAll hooks). */
  browserArgs?: Lazy<readonly string[]>;
}

/**
 * Registers the file's beforeAll/afterAll; the fields are set once beforeAll has run. `env` may be a
 * function, read then too: for settings an earlier beforeAll makes (a fake provider's URL).
 */
export function useE2eApp(env: Lazy<Record<string, string>> = E2E_SERVER_ENV, options: E2eAppOptions = {}): E2eApp {
  const app = {} as E2eApp;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await ensureWebBuilt();
    [app.server, app.browser] = await Promise.all([
      startTestServer(resolve(env)),
      launchBrowser(resolve(options.browserArgs ?? [])),
    ]);
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
