/**
 * Serves the built web app from dist/web, with the SPA fallback: a browser
 * navigation (Accept: text/html) to a path that is not an API path and not a
 * file answers index.html; anything else falls through to the JSON 404.
 * Files are sent as the brotli or gzip copy the build wrote next to them when
 * the browser accepts it (`precompressed`); hashed assets are immutable.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";

export const WEB_DIST = fileURLToPath(new URL("../../dist/web", import.meta.url));
const API_PREFIXES = ["/api/", "/mcp", "/.well-known/", "/healthz", "/readyz"];

/** `root`: the built web app (tests pass a directory of their own). */
export function webRoutes(root = WEB_DIST) {
  const app = new Hono();
  const index = readFileSync(`${root}/index.html`, "utf8");
  // serveStatic's onFound runs after the response is made (headers set there are lost): set them on the way out.
  const cacheAs = (value: string) =>
    createMiddleware(async (c, next) => {
      await next();
      if (c.res.status === 200 || c.res.status === 206) c.res.headers.set("cache-control", value);
    });
  app.use("/assets/*", cacheAs("public, max-age=31536000, immutable"), serveStatic({ root, precompressed: true, rewriteRequestPath: (p) => p })); // hashed file names
  // The service worker and manifest must be re-checked on every load, or a new version waits a day.
  for (const path of ["/sw.js", "/manifest.webmanifest"]) app.use(path, cacheAs("no-cache"), serveStatic({ root, precompressed: true }));
  app.use("*", serveStatic({ root, precompressed: true }));
  app.get("*", (c, next) => {
    const navigation = c.req.header("accept")?.includes("text/html");
    if (!navigation || API_PREFIXES.some((p) => c.req.path.startsWith(p))) return next();
    c.header("cache-control", "no-cache");
    return c.html(index);
  });
  return app;
}
