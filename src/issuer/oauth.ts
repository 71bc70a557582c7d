/**
 * The OAuth 2.1 authorization server for MCP clients (decision 007), from
 * @better-auth/oauth-provider: authorization code + PKCE S256, refresh tokens
 * with rotation, revocation, and open dynamic client registration. With
 * `resource` = /mcp its access tokens are JWTs signed by the jwt() plugin's
 * keys (`typ: at+jwt`, `aud` = the resource, `scope`, `azp`).
 */
import { oauthProvider } from "@better-auth/oauth-provider";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { randomUUID } from "node:crypto";
import type { Config } from "../config/env.ts";
import type { Db } from "../db/client.ts";
import { oauthResource } from "../db/schema/oauth.ts";
import { MCP_SCOPES } from "../contracts/oauth.ts";

type AuthMiddlewareContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

export const OAUTH_REGISTER_PATH = "/oauth2/register";
export const OAUTH_LOGIN_PAGE = "/sign-in";
export const OAUTH_CONSENT_PAGE = "/oauth/consent";
export const OAUTH_ERROR_PAGE = "/auth-error";

/** Paths (relative to /api/auth) that reach the provider over HTTP; the rest of its API (admin, client CRUD) stays server-side. */
export const OAUTH_PUBLIC_PATHS = new Set([
  "/oauth2/authorize",
  "/oauth2/token",
  "/oauth2/register",
  "/oauth2/revoke",
  "/oauth2/consent",
  "/oauth2/continue",
  "/oauth2/public-client",
  "/oauth2/introspect",
]);

const RESOURCE_NAME = "Tickler MCP";
const RESOURCE_SCOPES = [...MCP_SCOPES, "offline_access"];

/** The /mcp resource rows, written race-free (upsert) before the provider starts. */
export async function seedMcpResources(db: Db, config: Config): Promise<void> {
  const now = new Date();
  for (const identifier of config.mcpResources) {
    await db
      .insert(oauthResource)
      .values({ id: randomUUID(), identifier, name: RESOURCE_NAME, allowedScopes: RESOURCE_SCOPES, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: oauthResource.identifier, set: { name: RESOURCE_NAME, allowedScopes: RESOURCE_SCOPES, disabled: false, updatedAt: now } });
  }
}

export function oauthPlugin(config: Config) {
  return oauthProvider({
    loginPage: OAUTH_LOGIN_PAGE,
    consentPage: OAUTH_CONSENT_PAGE,
    // offline_access is what makes the provider hand out refresh tokens.
    scopes: [...MCP_SCOPES, "offline_access"],
    resources: config.mcpResources.map((identifier) => ({ identifier, name: RESOURCE_NAME, allowedScopes: RESOURCE_SCOPES })),
    // The rows exist by then (seedMcpResources): the provider's find-then-insert would race between
    // replicas starting together on an empty database.
    resourceSeedMode: "insertOnly",
    clientRegistrationDefaultResources: config.mcpResources,
    allowDynamicClientRegistration: true,
    allowUnauthenticatedClientRegistration: true,
    // Only the authorization code flow for people; no machine clients.
    grantTypes: ["authorization_code", "refresh_token"],
    accessTokenExpiresIn: config.OAUTH_ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenExpiresIn: config.OAUTH_REFRESH_TOKEN_TTL_SECONDS,
    // Per-IP registration limit (our shared limiter store counts it, see hardening.ts).
    rateLimit: {
      register: { window: config.RATE_LIMIT_OAUTH_REGISTER_WINDOW_SECONDS, max: config.RATE_LIMIT_OAUTH_REGISTER_PER_IP },
    },
  });
}

const LOOPBACK_REDIRECT = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/i;

/**
 * Registration rules the provider has no option for:
 * - a cap on stored clients, since registration is open to anyone;
 * - clients that omit `application_type` but only redirect to loopback are native
 *   apps (RFC 8252 §7.3; Claude Code and the MCP Inspector do this): the provider
 *   would take them for web clients and refuse their http://localhost redirects;
 * - clients that omit `grant_types` may refresh their tokens.
 */
export function oauthRegistrationRules(config: Config) {
  return {
    id: "tickler-oauth-registration",
    hooks: {
      before: [{ matcher: (ctx: { path?: string }) => ctx.path === OAUTH_REGISTER_PATH, handler: createAuthMiddleware((ctx) => registrationRules(config, ctx)) }],
    },
  } satisfies BetterAuthPlugin;
}

async function registrationRules(config: Config, ctx: AuthMiddlewareContext) {
  const stored = await ctx.context.adapter.count({ model: "oauthClient" });
  if (stored >= config.OAUTH_MAX_CLIENTS) {
    throw new APIError("SERVICE_UNAVAILABLE", {
      error: "temporarily_unavailable",
      error_description: "this server accepts no more client registrations",
    });
  }
  const body = { ...((ctx.body ?? {}) as Record<string, unknown>) };
  const uris = body.redirect_uris;
  if (
    body.application_type === undefined &&
    Array.isArray(uris) &&
    uris.length > 0 &&
    uris.every((u) => typeof u === "string" && LOOPBACK_REDIRECT.test(u))
  ) {
    body.application_type = "native";
  }
  // RFC 7591's default is the code grant alone, which would leave such a client without refresh
  // tokens, signing the user in again every few minutes.
  if (body.grant_types === undefined) body.grant_types = ["authorization_code", "refresh_token"];
  return { context: { body } };
}
