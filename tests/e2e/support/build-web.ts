/**
 * Builds the SPA into dist/web when it is missing or older than its sources, so
 * browser tests always run against the current UI (the server serves dist/web).
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** `npm run build`'s script, in a child process (it builds with NODE_ENV=production). */
export async function ensureWebBuilt(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      ["scripts/build.mjs", "--if-stale", "web"],
      { cwd: ROOT, timeout: 120_000 },
      (err, _stdout, stderr) => (err ? reject(new Error(`web build failed:\n${stderr}`)) : resolve()),
    );
  });
}
