/**
 * Better Auth options for production hardening, kept out of auth.ts:
 * - its rate limiter, on in every environment, counting in our shared store
 *   (database or Redis, never process memory), keyed by the client IP we resolve;
 * - account lifecycle: password reset mail, change password revoking the other
 *   sessions, deletion only with the password, the user's data removed first.
 */
import type { BetterAuthOptions, BetterAuthRateLimitOptions } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { generateId } from "better-auth";
import * as z from "zod";
import { EMAIL_MAX } from "../contracts/auth.ts";
import type { Config } from "../config/env.ts";
import type { Db } from "../db/client.ts";
import { deleteAccountData } from "../domain/account/delete.ts";
import type { RateLimiter } from "../http/rate-limit.ts";
import { CLIENT_IP_HEADER } from "../http/client-ip.ts";
import type { Logger } from "../http/logger.ts";
import type { Mailer } from "./mailer.ts";
import { enforcePasswordPolicy } from "./password-policy.ts";
import { enforceProfilePolicy } from "./profile-policy.ts";

/** Paths (relative to /api/auth) that guess or change credentials: the strict per-IP rule. */
export const CREDENTIAL_PATHS = [
  "/sign-in/*",
  "/sign-up/*",
  "/change-password",
  "/change-email",
  "/send-verification-email",
  "/request-password-reset",
  "/reset-password",
  "/reset-password/*",
  "/delete-user",
  "/revoke-session",
] as const;

export function authRateLimit(config: Config, limiter: RateLimiter): BetterAuthRateLimitOptions {
  const strict = { window: config.RATE_LIMIT_AUTH_WINDOW_SECONDS, max: config.RATE_LIMIT_AUTH_PER_IP };
  return {
    // Better Auth turns its limiter off outside production unless told otherwise.
    enabled: true,
    window: 60,
    max: config.RATE_LIMIT_AUTH_OTHER_PER_MINUTE,
    customRules: Object.fromEntries(CREDENTIAL_PATHS.map((p) => [p, strict])),
    customStorage: {
      consume: async (key, rule) => {
        const d = await limiter.consume(`auth-ip:${key}`, { max: rule.max, windowSeconds: rule.window });
        return { allowed: d.allowed, retryAfter: d.allowed ? null : d.retryAfter };
      },
    },
  };
}

/** Better Auth reads the client IP only from the header our issuer routes set. */
export const authIpOptions: NonNullable<BetterAuthOptions["advanced"]>["ipAddress"] = {
  ipAddressHeaders: [CLIENT_IP_HEADER],
};

export interface LifecycleDeps {
  config: Config;
  db: Db;
  mailer: Mailer;
  logger: Logger;
}

export function passwordResetOptions({ config, mailer, logger }: LifecycleDeps) {
  return {
    resetPasswordTokenExpiresIn: config.RESET_TOKEN_TTL_SECONDS,
    // A reset ends every session: whoever knew the old password is out.
    revokeSessionsOnPasswordReset: true,
    sendResetPassword: async ({ user, url }: { user: { email: string; name: string }; url: string }) => {
      const minutes = Math.round(config.RESET_TOKEN_TTL_SECONDS / 60);
      // Not awaited: the answer must not wait for SMTP, or its timing tells that the address has an
      // account (an unknown address gets the same answer without any mail).
      void mailer.send({
        to: user.email,
        subject: "Reset your Tickler password",
        text:
          `Hello ${user.name},\n\nSomeone asked to reset the password of your Tickler account.\n` +
          `Open this link within ${minutes} minutes to choose a new password (it works once):\n\n${url}\n\n` +
          "If it was not you, ignore this email: your password stays as it is.\n",
      }).catch((err: unknown) => logger.error("password-reset email failed", { error: err instanceof Error ? err.message : String(err) }));
    },
  };
}

export function deleteUserOptions({ db, logger }: LifecycleDeps) {
  return {
    enabled: true,
    // Runs before the user row goes: if removing the data fails, the account stays whole.
    beforeDelete: async (user: { id: string }) => {
      const counts = await deleteAccountData(db, user.id);
      logger.info("account data deleted", { user_id: user.id, ...counts });
    },
  };
}

/**
 * A reset request for an unknown address writes what a known one writes (an
 * inert verification row that expires in a minute and that Better Auth's
 * cleanup then removes), so both take the same path through the database and
 * the same time.
 */
async function resetDecoy(ctx: Parameters<Parameters<typeof createAuthMiddleware>[0]>[0], body: Record<string, unknown>): Promise<void> {
  // Runs before Better Auth validates the body: what is not an address (a NUL byte, say) is left to that 400.
  const email = ResetEmail.safeParse(body.email);
  if (!email.success) return;
  const found = await ctx.context.internalAdapter.findUserByEmail(email.data, { includeAccounts: true });
  if (found) return;
  await ctx.context.internalAdapter.createVerificationValue({
    identifier: `${RESET_DECOY_PREFIX}${generateId(24)}`,
    value: "",
    expiresAt: new Date(Date.now() + 60_000),
  });
}

const ResetEmail = z.email().max(EMAIL_MAX);

/** The identifier prefix of those rows; no endpoint ever looks one up. */
export const RESET_DECOY_PREFIX = "reset-password-decoy:";

/** Request rules Better Auth has no option for. */
export const lifecycleHooks = {
  before: createAuthMiddleware(async (ctx) => {
    const body = (ctx.body ?? {}) as Record<string, unknown>;
    if (ctx.path === "/request-password-reset") await resetDecoy(ctx, body);
    if (ctx.path === "/delete-user" && (typeof body.password !== "string" || body.password === "")) {
      // Without a password Better Auth would accept any "fresh" session.
      throw new APIError("BAD_REQUEST", { code: "PASSWORD_REQUIRED", message: "confirm the deletion with your password" });
    }
    enforceProfilePolicy(ctx.path, body);
    await enforcePasswordPolicy(ctx, body);
    if (ctx.path === "/change-password") {
      // A new password always signs out every other device.
      return { context: { body: { ...body, revokeOtherSessions: true } } };
    }
    return undefined;
  }),
};
