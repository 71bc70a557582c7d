/**
 * `GET /api/docs`: the API reference page (Scalar, bundled at build time into
 * dist/web/api-docs — no CDN) reading `/api/openapi.json`. The page is a few
 * hundred bytes; its 4.8 MB script is a static file the browser fetches only
 * here, so neither the SPA's bundle nor the server's memory pays for it.
 */
import { existsSync } from "node:fs";
import { Hono } from "hono";
import { errorJson } from "../http/errors.ts";
import { docs } from "../http/openapi.ts";
import { API_DOCS_PAGE } from "./http-hardening.ts";
import { WEB_DIST } from "./web.ts";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tickler API reference</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<div id="reference"></div>
<script src="/api-docs/scalar.js"></script>
<script src="/api-docs/init.js"></script>
</body>
</html>
`;

export function apiDocsRoutes() {
  const app = new Hono();
  app.get(
    API_DOCS_PAGE,
    docs("Server")({
      summary: "This reference, as a page (HTML)",
      public: true,
      responses: { 200: { description: "HTML", also: { "text/html": null } } },
      errors: [404],
    }),
    (c) => {
      // Checked per request: `npm run build` may produce it after start.
      if (!existsSync(`${WEB_DIST}/api-docs/scalar.js`))
        return errorJson(c, 404, "not_found", "the API reference is not built: run npm run build");
      c.header("cache-control", "no-cache");
      return c.html(PAGE);
    },
  );
  return app;
}
