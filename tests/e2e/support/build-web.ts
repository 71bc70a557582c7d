/**
 * Builds the SPA into dist/web when it is missing or older than its sources, so
 * browser tests always run against the current UI (the server serves dist/web).
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const INDEX = join(ROOT, "dist/web/index.html");
// Everything the web bundle imports from src/: the contracts, the grammar and the domain's time helpers it uses.
const SOURCES = ["web/src", "web/public", "web/index.html", "web/vite.config.ts", "src/contracts", "src/grammar", "src/domain/time.ts", "src/domain/errors.ts", "package.json"];

function newestMtime(path: string): number {
  const full = join(ROOT, path);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(full).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), st.mtimeMs);
}

export function webBuildIsStale(): boolean {
  if (!existsSync(INDEX)) return true;
  const built = statSync(INDEX).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

/**
 * Runs `vite build` in a child process: inside Vitest, NODE_ENV=test would make Vite
 * bundle React's development build.
 */
export async function ensureWebBuilt(): Promise<void> {
  if (!webBuildIsStale()) return;
  const vite = join(ROOT, "node_modules/vite/bin/vite.js");
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [vite, "build", "-c", "web/vite.config.ts", "--logLevel", "warn"],
      { cwd: ROOT, env: { ...process.env, NODE_ENV: "production" }, timeout: 120_000 },
      (err, _stdout, stderr) => (err ? reject(new Error(`web build failed:\n${stderr}`)) : resolve()),
    );
  });
}
