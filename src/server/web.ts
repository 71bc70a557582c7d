/**
 * Serves the built web app from dist/web, with the SPA fallback: a browser
 * navigation (Accept: text/html) to a path that is not an API path and not a
 * file answers index.html; anything else falls through to the JSON 404.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";

export const WEB_DIST = fileURLToPath(new URL("../../dist/web", import.meta.url));
const API_PREFIXES = ["/api/", "/mcp", "/.well-known/", "/healthz", "/readyz"];

export function webRoutes() {
  const app = new Hono();
  const index = readFileSync(`${WEB_DIST}/index.html`, "utf8");
  app.use(
    "/assets/*",
    serveStatic({
      root: WEB_DIST,
      rewriteRequestPath: (p) => p,
      onFound: (_path, c) => {
        c.header("cache-control", "public, max-age=31536000, immutable"); // hashed file names
      },
    }),
  );
  // The service worker and manifest must be re-checked on every load, or a new version waits a day.
  for (const path of ["/sw.js", "/manifest.webmanifest"]) {
    app.use(path, serveStatic({ root: WEB_DIST, onFound: (_path, c) => c.header("cache-control", "no-cache") }));
  }
  app.use("*", serveStatic({ root: WEB_DIST }));
  app.get("*", (c, next) => {
    const navigation = c.req.header("accept")?.includes("text/html");
    if (!navigation || API_PREFIXES.some((p) => c.req.path.startsWith(p))) return next();
    c.header("cache-control", "no-cache");
    return c.html(index);
  });
  return app;
}
