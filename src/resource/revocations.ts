/**
 * The set of ended sessions whose JWTs must stop working before they expire.
 * Filled from the database at start (a restarted replica forgets nothing that
 * still matters) and kept current by NOTIFY on `tickler_revocations`, which the
 * "session" delete trigger sends on every replica's database. An entry is kept
 * only as long as a token of that session could still be valid (TTL + skew).
 */
import { randomUUID } from "node:crypto";
import { lt, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { revokedSessions } from "../db/schema/revocations.ts";
import type { Logger } from "../http/logger.ts";

export const REVOCATIONS_CHANNEL = "tickler_revocations";
/** How long `settled()` waits for its own notification before giving up (the database is then in trouble). */
const SETTLE_TIMEOUT_MS = 5_000;

export interface Revocations {
  /** Whether tokens of this session must be refused. */
  has(sid: string): boolean;
  /**
   * Resolves once every revocation committed before the call has reached this
   * replica's set: NOTIFYs are delivered in commit order, so our own marker
   * arriving means the earlier ones did. The issuer awaits it after ending a
   * session, so the old token is refused here as soon as the answer is sent.
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function createRevocations(database: Database, opts: { keepSeconds: number; logger: Logger }): Promise<Revocations> {
  const keepMs = opts.keepSeconds * 1000;
  const revoked = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  const add = (sid: string, at: number) => {
    revoked.set(sid, at);
  };
  const prune = () => {
    const cutoff = Date.now() - keepMs;
    // Insertion order is revocation order (near enough): stop at the first one still relevant.
    for (const [sid, at] of revoked) {
      if (at > cutoff) break;
      revoked.delete(sid);
    }
  };

  // Listen first, then load: a revocation committed in between is heard, not missed.
  const unlisten = await database.listen(REVOCATIONS_CHANNEL, (payload) => {
    if (payload.startsWith("r:")) add(payload.slice(2), Date.now());
    else if (payload.startsWith("s:")) waiting.get(payload.slice(2))?.();
  });
  const since = new Date(Date.now() - keepMs);
  await database.db.delete(revokedSessions).where(lt(revokedSessions.revokedAt, since));
  const rows = await database.db
    .select({ sid: revokedSessions.sid, at: revokedSessions.revokedAt })
    .from(revokedSessions)
    .orderBy(revokedSessions.revokedAt);
  for (const r of rows) if (!revoked.has(r.sid)) add(r.sid, r.at.getTime());
  const timer = setInterval(prune, 60_000);
  timer.unref();

  return {
    has: (sid) => {
      const at = revoked.get(sid);
      if (at === undefined) return false;
      if (at + keepMs > Date.now()) return true;
      prune();
      return false;
    },
    settled: async () => {
      const marker = randomUUID();
      let timeout: NodeJS.Timeout | undefined;
      const arrived = new Promise<void>((resolve) => {
        waiting.set(marker, resolve);
        timeout = setTimeout(() => {
          opts.logger.warn("revocation notifications are late", { waited_ms: SETTLE_TIMEOUT_MS });
          resolve();
        }, SETTLE_TIMEOUT_MS);
      });
      try {
        await database.db.execute(sql`select pg_notify(${REVOCATIONS_CHANNEL}, ${`s:${marker}`})`);
        await arrived;
      } finally {
        clearTimeout(timeout);
        waiting.delete(marker);
      }
    },
    close: async () => {
      clearInterval(timer);
      for (const resolve of waiting.values()) resolve();
      await unlisten();
    },
  };
}
