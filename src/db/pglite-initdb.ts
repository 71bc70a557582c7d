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
if (!dir) throw new Error("usage: pglite-initdb <dir> [shared_buffers]");
const client = await PGlite.create(dir, await pgliteOptions(sharedBuffers || undefined));
await client.close();
