/**
 * Sign-in limits that stop password guessing without letting anyone lock a
 * user out (docs/decisions/013-login-limits.md):
 * - per (email, client IP), tight: that address is refused (429) for that
 *   account once it has made RATE_LIMIT_AUTH_PER_EMAIL_IP attempts in the window;
 * - per email, loose: past RATE_LIMIT_AUTH_PER_EMAIL attempts from anywhere,
 *   each attempt waits a delay that doubles up to AUTH_DELAY_MAX_MS, and is
 *   then answered on its merits: a right password from another address gets in.
 * Counters live in the shared store (database or Redis), keyed by hashes, so
 * they hold across replicas and never hold an address in clear.
 */
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Config } from "../config/env.ts";
import { rateLimitedError, type RateLimiter } from "../http/rate-limit.ts";

const hash = (s: string) => createHash("sha256").update(s).digest("base64url");

/** The response header that says how long this attempt was held back, in ms. */
export const AUTH_DELAY_HEADER = "x-auth-delay";

/** The wait for the nth attempt past the per-email threshold (n ≥ 1). */
export function signInDelayMs(config: Pick<Config, "AUTH_DELAY_BASE_MS" | "AUTH_DELAY_MAX_MS">, excess: number): number {
  if (excess <= 0) return 0;
  return Math.min(config.AUTH_DELAY_MAX_MS, config.AUTH_DELAY_BASE_MS * 2 ** Math.min(excess - 1, 30));
}

/**
 * Counts one sign-in attempt; throws 429 when this address has used up its
 * attempts on this account, else waits the per-account delay and returns it (ms).
 */
export async function admitSignIn(config: Config, limiter: RateLimiter, email: string, ip: string | undefined): Promise<number> {
  const windowSeconds = config.RATE_LIMIT_AUTH_EMAIL_WINDOW_SECONDS;
  const account = hash(email);
  const pair = await limiter.consume(`auth-signin-pair:${account}:${hash(ip ?? "unknown")}`, {
    max: config.RATE_LIMIT_AUTH_PER_EMAIL_IP,
    windowSeconds,
  });
  if (!pair.allowed) throw rateLimitedError(pair, "too many attempts for this account from your address; try again later");
  // The raw count: how far past the threshold this attempt is sets its delay.
  const { count } = await limiter.store.hit(`auth-signin-email:${account}`, windowSeconds);
  const delay = signInDelayMs(config, count - config.RATE_LIMIT_AUTH_PER_EMAIL);
  if (delay > 0) await sleep(delay);
  return delay;
}
