/**
 * PGlite does not lock its data directory, and two processes writing one
 * directory lose each other's writes. A PID file cannot tell whether its owner
 * lives when the owner is in another PID namespace (a second container on the
 * same volume) or on another host, and a reused PID looks alive. So the lock is
 * `proper-lockfile`'s: an atomic `mkdir` whose mtime the owner renews every few
 * seconds; a lock not renewed for STALE_MS is stale, whoever and wherever its
 * owner was (docs/decisions/010).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import lockfile from "proper-lockfile";

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

/** A lock not renewed for this long belongs to a process that is gone (or hung). */
export const STALE_MS = 15_000;
const UPDATE_MS = 3_000;
const LOCK = "data-dir.lock";
/** Who holds the lock, for the refusal message only (the lock directory must stay empty). */
const OWNER = "data-dir.lock.owner";
/** Written by earlier versions (a PID file); it no longer means anything. */
const LEGACY_LOCK = "tickler.lock";

export interface DataDirLockOptions {
  /**
   * Called when the lock was lost while held (another process took it over after
   * this one stopped renewing it, e.g. a frozen container). The process must stop
   * writing at once: the default logs nothing and exits with status 1.
   */
  onLost?: (err: Error) => void;
}

const exitOnLost = (err: Error) => {
  console.error(JSON.stringify({ level: "error", msg: "lost the data directory lock; stopping", error: err.message }));
  process.exit(1);
};

/**
 * Takes the lock, waiting up to STALE_MS + a little for a lock that its owner no
 * longer renews (a crashed process), and throws `DataDirLockedError` when the
 * owner is alive. Returns the release function.
 */
export async function lockDataDir(dir: string, opts: DataDirLockOptions = {}): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, {
      lockfilePath: join(dir, LOCK),
      realpath: false,
      stale: STALE_MS,
      update: UPDATE_MS,
      // One try a second until a dead owner's lock has gone stale.
      retries: { retries: Math.ceil(STALE_MS / 1000) + 3, factor: 1, minTimeout: 1000, maxTimeout: 1000 },
      onCompromised: opts.onLost ?? exitOnLost,
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ELOCKED") throw err;
    throw new DataDirLockedError(
      `Data directory ${dir} is in use by ${owner(dir)}. One process owns an embedded database; ` +
        "set DATABASE_URL to share a PostgreSQL server between processes.",
    );
  }
  writeFileSync(join(dir, OWNER), JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
  rmSync(join(dir, LEGACY_LOCK), { force: true });
  return async () => {
    rmSync(join(dir, OWNER), { force: true });
    await release();
  };
}

function owner(dir: string): string {
  try {
    const { pid, host } = JSON.parse(readFileSync(join(dir, OWNER), "utf8")) as { pid: number; host: string };
    return `process ${pid} on ${host}`;
  } catch {
    return "another process";
  }
}
