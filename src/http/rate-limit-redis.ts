/**
 * The rate limiter's Redis store (REDIS_URL): INCR plus an expiry set on the
 * first hit, in one Lua script so the pair is atomic. Fails closed: when Redis
 * cannot answer, the request gets 503 instead of an unlimited pass.
 */
import { Redis } from "ioredis";
import { DomainError } from "../domain/errors.ts";
import type { RateLimitHit, RateLimitStore } from "./rate-limit.ts";

const PREFIX = "tickler:rl:";

// Returns {count, ttl ms}; repairs a key that somehow lost its expiry.
const HIT_SCRIPT = `
local c = redis.call('INCR', KEYS[1])
if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {c, ttl}
`;

export class RedisRateLimitStore implements RateLimitStore {
  readonly #redis: Redis;

  constructor(url: string) {
    this.#redis = new Redis(url, {
      lazyConnect: true,
      connectTimeout: 2_000,
      commandTimeout: 2_000,
      maxRetriesPerRequest: 1,
    });
    // Connection errors surface on the commands; without a listener ioredis would print them.
    this.#redis.on("error", () => {});
    this.#redis.defineCommand("ticklerHit", { numberOfKeys: 1, lua: HIT_SCRIPT });
  }

  async hit(key: string, windowSeconds: number): Promise<RateLimitHit> {
    try {
      const run = (this.#redis as unknown as Record<string, (k: string, ms: number) => Promise<[number, number]>>)
        .ticklerHit!.bind(this.#redis);
      const [count, ttl] = await run(PREFIX + key, windowSeconds * 1000);
      const now = Date.now();
      return { count, resetAt: now + ttl, now };
    } catch {
      throw new DomainError("unavailable", "rate_limiter_unavailable", "the rate limiter cannot be reached; try again shortly");
    }
  }

  async close(): Promise<void> {
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }
}
