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

/** Registers the file's beforeAll/afterAll; the fields are set once beforeAll has run. */
export function useE2eApp(env: Record<string, string> = E2E_SERVER_ENV): E2eApp {
  const app = {} as E2eApp;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await ensureWebBuilt();
    [app.server, app.browser] = await Promise.all([startTestServer(env), launchBrowser()]);
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
