/**
 * The rate limiter's database store: one atomic upsert per hit on
 * `rate_limit_buckets`, timed by the database clock so every process agrees
 * on window boundaries. Expired rows are swept now and then.
 */
import { lt, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { rateLimitBuckets } from "../db/schema/rate-limits.ts";
import type { RateLimitHit, RateLimitStore } from "./rate-limit.ts";

/** Roughly one hit in this many also deletes expired rows. */
const SWEEP_EVERY = 500;

type BucketRow = { count: number | string; reset_ms: number | string; now_ms: number | string };

export class DatabaseRateLimitStore implements RateLimitStore {
  constructor(private readonly db: Db) {}

  async hit(key: string, windowSeconds: number): Promise<RateLimitHit> {
    const b = rateLimitBuckets;
    // A row whose window has ended restarts at 1 with a new window; otherwise +1.
    // Committed without waiting for the WAL flush (synchronous_commit off for this statement's own
    // transaction): the row's lock is held for microseconds instead of a disk flush, so one user's
    // writes do not queue on their bucket (decision 027). A crash can forget the last fraction of a
    // second of counts, never a write's: WAL is flushed in order, so a later write's durable commit
    // carries every count taken before it.
    const result = (await this.db.execute<BucketRow>(sql`
      insert into ${b} as b (key, count, reset_at)
      select ${key}, 1, now() + make_interval(secs => ${windowSeconds})
      from (select set_config('synchronous_commit', 'off', true)) as async_commit
      on conflict (key) do update set
        count = case when b.reset_at <= now() then 1 else b.count + 1 end,
        reset_at = case when b.reset_at <= now() then excluded.reset_at else b.reset_at end
      returning count,
        (extract(epoch from reset_at) * 1000)::float8 as reset_ms,
        (extract(epoch from now()) * 1000)::float8 as now_ms
    `)) as { rows: BucketRow[] };
    const row = result.rows[0]!;
    if (Math.random() * SWEEP_EVERY < 1) void this.sweep();
    return { count: Number(row.count), resetAt: Number(row.reset_ms), now: Number(row.now_ms) };
  }

  /** Deletes windows that have ended; failures only delay the cleanup. */
  async sweep(): Promise<void> {
    await this.db
      .delete(rateLimitBuckets)
      .where(lt(rateLimitBuckets.resetAt, sql`now()`))
      .catch(() => {});
  }

  async close(): Promise<void> {}
}
