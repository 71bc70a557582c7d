/**
 * The resource server's gate: only `Authorization: Bearer <jwt>` verified
 * against the JWKS gets through. Failures are 401 with `WWW-Authenticate`.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { VerifiedUser, TokenVerifier } from "./verify-jwt.ts";
import { TokenError } from "./verify-jwt.ts";
import { HttpError } from "../http/errors.ts";

export type AuthEnv = { Variables: { user: VerifiedUser; requestId: string } };

export interface RequireUserOptions {
  verify: TokenVerifier;
  /** Added to WWW-Authenticate so OAuth-aware clients (MCP) find the metadata. */
  resourceMetadataUrl?: string | ((c: Context) => string);
  /** Added to WWW-Authenticate: the scopes a client should request (RFC 6750 §3). */
  scope?: string;
}

export function requireUser({ verify, resourceMetadataUrl, scope }: RequireUserOptions) {
  const challenge = (c: Context, code: string, description: string) => {
    const parts = [`Bearer realm="tickler"`];
    if (code !== "token_missing") parts.push(`error="invalid_token"`, `error_description="${description}"`);
    const metadata = typeof resourceMetadataUrl === "function" ? resourceMetadataUrl(c) : resourceMetadataUrl;
    if (metadata) parts.push(`resource_metadata="${metadata}"`);
    if (scope) parts.push(`scope="${scope}"`);
    return parts.join(", ");
  };

  return createMiddleware<AuthEnv>(async function requireUser(c, next) {
    const fail = (code: string, message: string) =>
      new HttpError(401, code, message, undefined, { "www-authenticate": challenge(c, code, message) });
    const header = c.req.header("authorization");
    if (!header) throw fail("token_missing", "send Authorization: Bearer <token>");
    const match = /^Bearer +([^\s]+) *$/i.exec(header);
    if (!match?.[1]) throw fail("token_invalid", "the Authorization header must use the Bearer scheme");
    try {
      c.set("user", await verify(match[1]));
    } catch (err) {
      if (err instanceof TokenError) throw fail(err.code, err.message);
      throw err; // JWKS unavailable → 503 in the error handler
    }
    await next();
  });
}
