/**
 * What runs in front of Better Auth's handler:
 * - sign-in limits per (email, IP) and per email (sign-in-limits.ts), and a
 *   per-email limit on sign-up and reset mails (Better Auth's own limiter keys
 *   by IP and path only);
 * - the client IP we resolved (TRUST_PROXY-aware) handed over in a header
 *   Better Auth is configured to read, replacing anything a client sent;
 * - Better Auth's 429 rewritten to our error shape with `Retry-After`.
 */
import { createHash } from "node:crypto";
import type { Context } from "hono";
import type { Config } from "../config/env.ts";
import { errorJson } from "../http/errors.ts";
import { rateLimitedError, type RateLimiter } from "../http/rate-limit.ts";
import { CLIENT_IP_HEADER } from "../http/client-ip.ts";
import { admitSignIn } from "./sign-in-limits.ts";

/** POST paths whose body names an account: counted per email address (sign-in has its own model). */
export const EMAIL_LIMITED_PATHS = new Set(["/api/auth/sign-up/email", "/api/auth/request-password-reset", "/api/auth/send-verification-email"]);
export const SIGN_IN_PATH = "/api/auth/sign-in/email";

export interface AuthGuardOptions {
  config: Config;
  limiter: RateLimiter;
  clientIp: (c: Context) => string | undefined;
}

/** The address from a JSON body, or undefined (Better Auth then rejects the body itself). */
async function emailOf(req: Request): Promise<string | undefined> {
  try {
    const body = (await req.clone().json()) as { email?: unknown } | null;
    return typeof body?.email === "string" && body.email.trim() !== "" ? body.email.trim().toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

export function authGuard({ config, limiter, clientIp }: AuthGuardOptions) {
  const emailRule = { max: config.RATE_LIMIT_AUTH_PER_EMAIL, windowSeconds: config.RATE_LIMIT_AUTH_EMAIL_WINDOW_SECONDS };

  /** The request to hand to Better Auth; throws 429 when the account's limit is used up. */
  return async function guard(c: Context): Promise<Request> {
    const ip = clientIp(c);
    if (c.req.method === "POST" && c.req.path === SIGN_IN_PATH) {
      const email = await emailOf(c.req.raw);
      if (email) c.set("authDelay" as never, (await admitSignIn(config, limiter, email, ip)) as never);
    } else if (c.req.method === "POST" && EMAIL_LIMITED_PATHS.has(c.req.path)) {
      const email = await emailOf(c.req.raw);
      if (email) {
        // One bucket per address and action (sign-in, sign-up, reset mails); hashed, so
        // limiter keys (in Redis or the database) never hold addresses.
        const action = c.req.path.slice("/api/auth/".length);
        const key = `auth-email:${action}:${createHash("sha256").update(email).digest("base64url")}`;
        const decision = await limiter.consume(key, emailRule);
        if (!decision.allowed) throw rateLimitedError(decision, "too many attempts for this account; try again later");
      }
    }
    const headers = new Headers(c.req.raw.headers);
    headers.delete(CLIENT_IP_HEADER);
    if (ip) headers.set(CLIENT_IP_HEADER, ip);
    const init: RequestInit & { duplex?: "half" } = { headers };
    if (c.req.raw.body) init.duplex = "half";
    return new Request(c.req.raw, init);
  };
}

/** Better Auth answers 429 as `{message}` + X-Retry-After; clients get our shape everywhere. */
export function normalizeRateLimited(c: Context, res: Response): Response {
  if (res.status !== 429) return res;
  const retryAfter = res.headers.get("x-retry-after") ?? "60";
  return errorJson(c, 429, "rate_limited", "too many requests; try again later", { retry_after: Number(retryAfter) }, {
    "retry-after": retryAfter,
  });
}
