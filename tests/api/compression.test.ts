/**
 * Response compression and static caching (decision 023): JSON answers of 1 KB
 * and more are gzipped when the client accepts it, with Vary; the web build's
 * files are served as the brotli/gzip copies written at build time, hashed
 * assets as immutable, the service worker as no-cache.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: the build script is plain JavaScript without types
import { precompress } from "../../scripts/build.mjs";
import { acceptsGzip } from "../../src/http/compress-json.ts";
import { webRoutes } from "../../src/server/web.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let u: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  u = await t.signUp("Packer");
  for (let i = 0; i < 20; i++) await t.api(u, "POST", "/api/me/tasks", { title: `task number ${i}`, description: "some words to fill the page" });
});
afterAll(() => t.close());

const get = (path: string, headers: Record<string, string> = {}) => t.request(path, { headers: { authorization: `Bearer ${u.token}`, ...headers } });

describe("JSON compression", () => {
  it("gzips a large JSON answer when the client accepts gzip, and says so in Vary", async () => {
    const plain = await get("/api/me/tasks?limit=50");
    const packed = await get("/api/me/tasks?limit=50", { "accept-encoding": "gzip, deflate, br" });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(packed.headers.get("content-encoding")).toBe("gzip");
    expect(packed.headers.get("vary")).toMatch(/accept-encoding/i);
    const raw = Buffer.from(await packed.arrayBuffer());
    const text = await plain.text();
    expect(raw.length).toBeLessThan(text.length / 3);
    expect(JSON.parse(gunzipSync(raw).toString("utf8"))).toEqual(JSON.parse(text));
    // The validator stays the same whatever the encoding (it is weak), and a 304 has no body to pack.
    expect(packed.headers.get("etag")).toBe(plain.headers.get("etag"));
    const revalidated = await get("/api/me/tasks?limit=50", { "accept-encoding": "gzip", "if-none-match": plain.headers.get("etag")! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("content-encoding")).toBeNull();
  });

  it("leaves small answers and refused encodings alone", async () => {
    const small = await get("/api/me/tasks/counts", { "accept-encoding": "gzip" });
    expect(small.status).toBe(200);
    expect(small.headers.get("content-encoding")).toBeNull();
    const refused = await get("/api/me/tasks?limit=50", { "accept-encoding": "gzip;q=0, br" });
    expect(refused.headers.get("content-encoding")).toBeNull();
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("GZIP;q=0.5")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
  });
});

describe("static files", () => {
  let dir: string;
  const script = "console.log('tickler');\n".repeat(200);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "tickler-web-"));
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>Tickler</title>");
    writeFileSync(join(dir, "assets", "app-3f9a1c.js"), script);
    writeFileSync(join(dir, "sw.js"), script);
    precompress(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("serves the build's brotli or gzip copy, hashed assets as immutable", async () => {
    const web = webRoutes(dir);
    const br = await web.request("/assets/app-3f9a1c.js", { headers: { "accept-encoding": "gzip, br" } });
    expect(br.status).toBe(200);
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(br.headers.get("content-type")).toMatch(/javascript/);
    expect(Number(br.headers.get("content-length"))).toBeLessThan(script.length / 10);
    const gz = await web.request("/assets/app-3f9a1c.js", { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);
    const plain = await web.request("/assets/app-3f9a1c.js");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it("keeps the service worker revalidated on every load", async () => {
    const sw = await webRoutes(dir).request("/sw.js", { headers: { "accept-encoding": "br" } });
    expect(sw.headers.get("cache-control")).toBe("no-cache");
    expect(sw.headers.get("content-encoding")).toBe("br");
  });
});
