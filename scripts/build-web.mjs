// Builds the web app into dist/web when it is missing or older than its sources
// (`npm start` runs this first; `--force` always builds).
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";

const out = "dist/web/index.html";
const newest = (path) =>
  statSync(path).isDirectory()
    ? readdirSync(path, { withFileTypes: true }).reduce((max, e) => Math.max(max, newest(join(path, e.name))), 0)
    : statSync(path).mtimeMs;
// What the web bundle imports from src/: the contracts, the grammar and the domain's time helpers.
const SOURCES = ["web", "src/contracts", "src/grammar", "src/domain/time.ts", "src/domain/errors.ts"];

const stale = !existsSync(out) || Math.max(...SOURCES.map(newest)) > statSync(out).mtimeMs;
if (process.argv.includes("--force") || stale) {
  console.log("building the web app…");
  await build({ configFile: "web/vite.config.ts", logLevel: "warn" });
}
