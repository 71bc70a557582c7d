/**
 * How the embedded database is started, in one place: the Postgres settings
 * (sized for one small process, not a server; see docs/decisions/010) and the
 * extensions it loads. PGlite copies an extension into its in-memory file
 * system only when it is listed here, so list only what a migration uses.
 */
import type { Extensions, PGliteOptions } from "@electric-sql/pglite";

/**
 * Extensions PGlite loads, by name: `CREATE EXTENSION <name>` in a migration needs
 * its entry here (PostgreSQL ships the same contrib modules). Each is imported
 * only when a PGlite opens. To add one:
 * `pg_trgm: async () => (await import("@electric-sql/pglite/contrib/pg_trgm")).pg_trgm,`
 */
const EXTENSIONS: Record<string, () => Promise<Extensions[string]>> = {
  // Search (decision 008): trigram matching, accent folding.
  pg_trgm: async () => (await import("@electric-sql/pglite/contrib/pg_trgm")).pg_trgm,
  unaccent: async () => (await import("@electric-sql/pglite/contrib/unaccent")).unaccent,
};

/** PGlite's default `shared_buffers` is 128 MB of WASM memory that a todo app never fills. */
export const DEFAULT_SHARED_BUFFERS = "16MB";

/** Postgres settings given at start (`-c name=value`); they are not written to the data directory. */
function settings(sharedBuffers: string): Record<string, string> {
  return {
    shared_buffers: sharedBuffers,
  };
}

export async function pgliteOptions(sharedBuffers = DEFAULT_SHARED_BUFFERS): Promise<Partial<PGliteOptions>> {
  const { PGlite } = await import("@electric-sql/pglite");
  const startParams = [...PGlite.defaultStartParams];
  for (const [name, value] of Object.entries(settings(sharedBuffers))) startParams.push("-c", `${name}=${value}`);
  const extensions: Extensions = {};
  for (const [name, load] of Object.entries(EXTENSIONS)) extensions[name] = await load();
  return { startParams, extensions };
}
