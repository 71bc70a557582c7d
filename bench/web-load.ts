/**
 * Web app load benchmark (prints figures, asserts nothing):
 *  - initial JS and CSS, gzipped, as referenced by dist/web/index.html
 *  - in Chromium, with 2,000 tasks seeded over the API: time from navigation to an
 *    interactive task list, to all 2,000 rows loaded by scrolling, the frame times
 *    while scrolling through them, and the latency of a checkbox click.
 *
 * Run: node --import tsx bench/web-load.ts   (builds dist/web first if it is stale)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { startTestServer } from "../tests/support/start-server.ts";
import { launchBrowser, openPage } from "../tests/e2e/support/browser.ts";
import { ensureWebBuilt } from "../tests/e2e/support/build-web.ts";
import { E2E_SERVER_ENV } from "../tests/e2e/support/server-env.ts";
import { sampleTasks, seedTasks, signUpInContext, tokenInContext } from "../tests/e2e/support/seed.ts";

const TASKS = Number(process.env.BENCH_TASKS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DIST = fileURLToPath(new URL("../dist/web/", import.meta.url));

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function initialAssets(): { js: number; jsGzip: number; css: number; cssGzip: number } {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const refs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const out = { js: 0, jsGzip: 0, css: 0, cssGzip: 0 };
  for (const ref of new Set(refs)) {
    const buf = readFileSync(join(DIST, ref));
    const gz = gzipSync(buf, { level: 9 }).length;
    if (ref.endsWith(".js")) {
      out.js += buf.length;
      out.jsGzip += gz;
    } else {
      out.css += buf.length;
      out.cssGzip += gz;
    }
  }
  return out;
}

await ensureWebBuilt();
const assets = initialAssets();
console.log(`initial JS:  ${kb(assets.js)} (${kb(assets.jsGzip)} gzipped)`);
console.log(`initial CSS: ${kb(assets.css)} (${kb(assets.cssGzip)} gzipped)`);

const server = await startTestServer(E2E_SERVER_ENV);
const browser = await launchBrowser();
try {
  const seedCtx = await openPage(browser, server.url);
  await signUpInContext(seedCtx.context, server.url, { name: "Bench User", email: "bench@example.com", password: "correct horse battery" });
  const token = await tokenInContext(seedCtx.context, server.url);
  const seedMs = await seedTasks(seedCtx.context, server.url, token, sampleTasks(TASKS));
  console.log(`seeded ${TASKS} tasks over the API in ${ms(seedMs)}`);
  const storage = await seedCtx.context.storageState();
  await seedCtx.context.close();

  const interactive: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { page, context } = await openPage(browser, server.url, { storageState: storage });
    await page.goto("/?view=all");
    await page.locator('[data-testid="task-list"]:not([aria-busy]) [data-testid="task-toggle"]').first().waitFor();
    await page.getByTestId("quick-add-input").waitFor();
    // performance.now() counts from navigation start.
    interactive.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  console.log(`navigation → interactive list (first 50 of ${TASKS}): median ${ms(median(interactive))} over ${RUNS} runs [${interactive.map((x) => x.toFixed(0)).join(", ")}]`);

  const { page, context } = await openPage(browser, server.url, { storageState: storage });
  await page.goto("/?view=all");
  await page.getByTestId("task-list").waitFor();
  const loadAllStart = Date.now();
  while ((await page.getByTestId("task-item").count()) < TASKS) {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(30);
    if (Date.now() - loadAllStart > 120_000) throw new Error("timed out loading every page");
  }
  console.log(`all ${TASKS} rows loaded by scrolling (pages of 50): ${ms(Date.now() - loadAllStart)}`);

  const frames = await page.evaluate(async () => {
    window.scrollTo(0, 0);
    const times: number[] = [];
    let last = performance.now();
    const max = document.documentElement.scrollHeight - innerHeight;
    for (let y = 0; y <= max; y += 600) {
      window.scrollTo(0, y);
      await new Promise(requestAnimationFrame);
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    times.sort((a, b) => a - b);
    return { count: times.length, p50: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]!, max: times[times.length - 1]! };
  });
  console.log(`scrolling through ${TASKS} rows, 600 px per frame: ${frames.count} frames, p50 ${frames.p50.toFixed(1)} ms, p95 ${frames.p95.toFixed(1)} ms, max ${frames.max.toFixed(1)} ms`);

  const row = page.locator('[data-testid="task-item"][data-completed="false"]').nth(1500);
  await row.scrollIntoViewIfNeeded();
  const clickMs = await row.getByTestId("task-toggle").evaluate(async (el) => {
    const start = performance.now();
    (el as HTMLInputElement).click();
    await new Promise(requestAnimationFrame);
    return performance.now() - start;
  });
  console.log(`checkbox click → next frame with ${TASKS} rows mounted: ${clickMs.toFixed(1)} ms`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
