/**
 * Vitest global setup: builds dist/server when it is missing or older than src, so the
 * process tests (spawn-server.ts) run the current code through the production start path.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  execFileSync(process.execPath, ["scripts/build.mjs", "--if-stale", "server"], { cwd: root, stdio: "inherit" });
}
