// Builds the web app into dist/web when it is missing or older than its sources
// (`npm start` runs this first; `--force` always builds).
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";

const out = "dist/web/index.html";
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);

const stale = !existsSync(out) || Math.max(newest("web"), newest("src/contracts")) > statSync(out).mtimeMs;
if (process.argv.includes("--force") || stale) {
  console.log("building the web app…");
  await build({ configFile: "web/vite.config.ts", logLevel: "warn" });
}
