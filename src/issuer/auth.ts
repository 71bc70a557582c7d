/**
 * The issuer: Better Auth with email + password, 7-day rolling cookie sessions
 * and the JWT plugin signing short-lived EdDSA tokens with a `kid`.
 */
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { jwt } from "better-auth/plugins";
import type { Config } from "../config/env.ts";
import { PASSWORD_MAX, PASSWORD_MIN } from "../contracts/auth.ts";
import type { Db } from "../db/client.ts";
import * as schema from "../db/schema/index.ts";
import type { RateLimiter } from "../http/rate-limit.ts";
import type { Logger } from "../http/logger.ts";
import { authIpOptions, authRateLimit, deleteUserOptions, lifecycleHooks, passwordResetOptions } from "./hardening.ts";
import { emailVerificationOptions } from "./email-verification.ts";
import type { Mailer } from "./mailer.ts";
import { OAUTH_ERROR_PAGE, oauthPlugin, oauthRegistrationRules } from "./oauth.ts";

export interface IssuerOptions {
  config: Config;
  db: Db;
  secret: string;
  logger: Logger;
  limiter: RateLimiter;
  mailer: Mailer;
}

export function createAuth({ config, db, secret, logger, limiter, mailer }: IssuerOptions) {
  const lifecycle = { config, db, mailer, logger };
  const verification = emailVerificationOptions(lifecycle);
  return betterAuth({
    appName: "Tickler",
    baseURL: config.publicUrl,
    basePath: "/api/auth",
    secret,
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        jwks: schema.jwks,
        rateLimit: schema.rateLimit,
        oauthClient: schema.oauthClient,
        oauthResource: schema.oauthResource,
        oauthClientResource: schema.oauthClientResource,
        oauthRefreshToken: schema.oauthRefreshToken,
        oauthAccessToken: schema.oauthAccessToken,
        oauthConsent: schema.oauthConsent,
        oauthClientAssertion: schema.oauthClientAssertion,
      },
    }),
    trustedOrigins: [config.publicUrl, ...config.TRUSTED_ORIGINS],
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      ...verification.emailAndPassword,
      ...passwordResetOptions(lifecycle),
    },
    emailVerification: verification.emailVerification,
    user: { deleteUser: deleteUserOptions(lifecycle), changeEmail: verification.changeEmail },
    hooks: lifecycleHooks,
    // Errors before the client's redirect URI is verified land on the web app's page, not a bare JSON one.
    onAPIError: { errorURL: `${config.publicUrl}${OAUTH_ERROR_PAGE}` },
    // Better Auth turns its Origin/CSRF check off when NODE_ENV=test; Tickler keeps it on
    // everywhere, so the tests exercise what production runs.
    advanced: { ipAddress: authIpOptions, disableOriginCheck: false },
    session: {
      expiresIn: 60 * 60 * 24 * 7, // 7 days…
      updateAge: 60 * 60 * 24, // …rolled forward at most once a day
    },
    rateLimit: authRateLimit(config, limiter),
    telemetry: { enabled: false },
    // Better Auth's messages join our structured log instead of the console.
    logger: {
      log: (level, message) => logger[level](`auth: ${message}`),
    },
    plugins: [
      jwt({
        jwks: {
          keyPairConfig: { alg: "EdDSA", crv: "Ed25519" },
          rotationInterval: config.JWKS_ROTATION_INTERVAL,
          gracePeriod: config.JWKS_GRACE_PERIOD,
        },
        jwt: {
          issuer: config.issuer,
          audience: config.AUTH_AUDIENCE,
          expirationTime: `${config.JWT_TTL_SECONDS}s`,
          // Only what the resource server needs; `sub` is the user id, `sid` lets it refuse
          // the token as soon as its session ends (src/resource/revocations.ts).
          definePayload: ({ user, session }) => ({ email: user.email, name: user.name, sid: session.id }),
        },
      }),
      oauthPlugin(config),
      oauthRegistrationRules(config),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
