/**
 * Rate limiting shared by every process of a deployment: fixed-window counters
 * in Redis (REDIS_URL) or in the database, never in process memory, so limits
 * hold across replicas and restarts. `rateLimit()` is the Hono middleware:
 * 429 `rate_limited` with `Retry-After` once a subject's window is used up.
 *
 * Fixed windows are one atomic increment per request; the price is that a
 * client may burst up to 2×max across a window boundary.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { Config } from "../config/env.ts";
import type { Db } from "../db/client.ts";
import { HttpError } from "./errors.ts";
import { DatabaseRateLimitStore } from "./rate-limit-store.ts";

export interface RateLimitHit {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Epoch ms when the window ends. */
  resetAt: number;
  /** The store's clock at the time of the hit (epoch ms). */
  now: number;
}

export interface RateLimitStore {
  /** Atomically counts one request for `key` in a window of `windowSeconds`. */
  hit(key: string, windowSeconds: number): Promise<RateLimitHit>;
  close(): Promise<void>;
}

export interface RateRule {
  max: number;
  windowSeconds: number;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window frees up (≥ 1). */
  retryAfter: number;
}

/** The verified user, set by the resource server's requireUser before rate limiting runs. */
type UserEnv = { Variables: { user: { id: string } } };

/** Named per-user limits of the resource server. */
export type LimitName = "write" | "chat";

export class RateLimiter {
  constructor(
    readonly store: RateLimitStore,
    readonly rules: Record<LimitName, RateRule>,
  ) {}

  async consume(key: string, rule: RateRule): Promise<RateDecision> {
    const { count, resetAt, now } = await this.store.hit(key, rule.windowSeconds);
    return {
      allowed: count <= rule.max,
      limit: rule.max,
      remaining: Math.max(0, rule.max - count),
      retryAfter: Math.max(1, Math.ceil((resetAt - now) / 1000)),
    };
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

export async function createRateLimiter(config: Config, db: Db): Promise<RateLimiter> {
  const store = config.REDIS_URL
    ? new (await import("./rate-limit-redis.ts")).RedisRateLimitStore(config.REDIS_URL)
    : new DatabaseRateLimitStore(db);
  return new RateLimiter(store, {
    write: { max: config.RATE_LIMIT_WRITES_PER_MINUTE, windowSeconds: 60 },
    chat: { max: config.RATE_LIMIT_CHAT_PER_MINUTE, windowSeconds: 60 },
  });
}

export function rateLimitedError(decision: RateDecision, message = "too many requests; slow down") {
  return new HttpError(429, "rate_limited", message, { limit: decision.limit, retry_after: decision.retryAfter }, {
    "retry-after": String(decision.retryAfter),
  });
}

export interface RateLimitOptions {
  limiter: RateLimiter;
  /** Which named rule applies ("write" for task changes, "chat" for assistant turns). */
  limit: LimitName;
  /** The subject counted; the verified user by default (so it runs after requireUser). */
  key?: (c: Context<UserEnv>) => string;
}

/** Hono middleware: counts the request, answers 429 when the subject is over its limit. */
export function rateLimit({ limiter, limit, key = (c) => c.var.user.id }: RateLimitOptions) {
  const rule = limiter.rules[limit];
  return createMiddleware<UserEnv>(async function rateLimit(c, next) {
    const decision = await limiter.consume(`${limit}:${key(c)}`, rule);
    c.header("ratelimit-limit", String(decision.limit));
    c.header("ratelimit-remaining", String(decision.remaining));
    c.header("ratelimit-reset", String(decision.retryAfter));
    if (!decision.allowed) throw rateLimitedError(decision);
    await next();
  });
}

/** Counts only state-changing requests (reads are not limited by this rule). */
export function rateLimitWrites(options: RateLimitOptions) {
  const inner = rateLimit(options);
  return createMiddleware<UserEnv>(async function rateLimitWrites(c, next) {
    if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return next();
    return inner(c, next);
  });
}
