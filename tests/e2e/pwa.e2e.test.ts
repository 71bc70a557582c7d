/**
 * The installable PWA: a manifest with real icons, a service worker that keeps
 * the app shell (so the app opens while the server is down) and keeps no API
 * answers (nothing per user survives sign-out in its cache).
 */
import { describe, expect, it } from "vitest";
import { TasksPage } from "../pages/tasks-page.ts";
import { openPage } from "./support/browser.ts";
import { useE2eApp } from "./support/e2e-app.ts";
import { signUpInContext, uniqueEmail } from "./support/seed.ts";

const app = useE2eApp();

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

describe("installable PWA", () => {
  it("serves a manifest whose icons exist at their stated sizes", async () => {
    const res = await fetch(`${app.server.url}/manifest.webmanifest`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const manifest = (await res.json()) as { name: string; start_url: string; display: string; icons: { src: string; sizes: string; type: string; purpose: string }[] };
    expect(manifest).toMatchObject({ name: "Tickler", start_url: "/", display: "standalone" });
    const pngs = manifest.icons.filter((i) => i.type === "image/png");
    expect(pngs.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    expect(pngs.some((i) => i.purpose === "maskable")).toBe(true);
    for (const icon of pngs) {
      const img = await fetch(`${app.server.url}${icon.src}`);
      expect(img.headers.get("content-type"), icon.src).toBe("image/png");
      const [w, h] = icon.sizes.split("x").map(Number);
      expect(pngSize(Buffer.from(await img.arrayBuffer()))).toEqual({ width: w, height: h });
    }
    const html = await (await fetch(`${app.server.url}/`, { headers: { accept: "text/html" } })).text();
    expect(html).toContain('rel="manifest" href="/manifest.webmanifest"');
  });

  it("caches the app shell but no API answers, and opens the app with no network", async () => {
    const { page, context } = await openPage(app.browser, app.server.url, { serviceWorkers: "allow" });
    await signUpInContext(context, app.server.url, { name: "Pwa Pat", email: uniqueEmail("pat"), password: "correct horse battery" });
    const tasks = new TasksPage(page);
    await tasks.goto("/");
    await tasks.quickAdd("Private task");
    await tasks.settled();
    // The worker installs after the first load and claims the page when it activates.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      return urls;
    });
    expect(cached).toContain("/");
    expect(cached.some((u) => u.startsWith("/assets/") && u.endsWith(".js"))).toBe(true);
    expect(cached.filter((u) => /^\/(api|mcp|\.well-known)/.test(u))).toEqual([]);

    // Offline emulation also covers the worker's own fetches: the shell must come from its cache.
    await context.setOffline(true);
    await page.reload();
    await expect(page.title()).resolves.toBe("Tickler");
    await page.locator("#root *").first().waitFor();
    await context.setOffline(false);
    await context.close();
  });
});
