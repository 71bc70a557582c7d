/**
 * Creates a new PGlite data directory (initdb), run as a child process by client.ts.
 * initdb's throwaway Postgres instance takes a process to ~1.1 GB, and a process that
 * once held that much keeps ~100 MB more resident for good; apart, the server that then
 * opens the directory idles as it does on every later start (docs/decisions/031).
 * Usage: node pglite-initdb.js <dir> [shared_buffers]
 */
import { PGlite } from "@electric-sql/pglite";
import { pgliteOptions } from "./pglite-options.ts";

const [dir, sharedBuffers] = process.argv.slice(2);
try {
  if (!dir) throw new Error("usage: pglite-initdb <dir> [shared_buffers]");
  const client = await PGlite.create(dir, await pgliteOptions(sharedBuffers || undefined));
  await client.close();
} catch (err) {
  // One line, last: client.ts reports the last line of stderr (an uncaught error would end with Node's version).
  // PGlite's file-system errors are Emscripten ErrnoErrors, with no message: then their fields.
  process.stderr.write(`${(err as Error)?.message || JSON.stringify(err)}\n`);
  process.exitCode = 1;
}
