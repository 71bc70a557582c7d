/**
 * Verifies a Bearer JWT against the issuer's JWKS with jose: algorithm
 * allow-list, `kid`, signature, `iss`, `aud`, `exp`/`nbf` (60 s skew) and `sub`,
 * then that its session (`sid`) has not ended — on every call, cached or not.
 * Every failure becomes a `TokenError` naming the reason.
 */
import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from "jose";
import type { AuthErrorCode } from "../contracts/error.ts";
import { JwksUnavailableError, type JwksCache } from "./jwks-cache.ts";
import { VerifiedTokenCache } from "./token-cache.ts";

export const CLOCK_SKEW_SECONDS = 60;
/** Real tokens are ~600 bytes; anything this large is refused before parsing. */
export const MAX_TOKEN_LENGTH = 8 * 1024;

export interface VerifiedUser {
  id: string;
  email?: string | undefined;
  name?: string | undefined;
  /** The issuer session the token was minted for. */
  sid?: string | undefined;
  exp: number;
  /** OAuth access tokens only (decision 007): the granted scopes and the client (`azp`). */
  scopes?: string[] | undefined;
  clientId?: string | undefined;
}

export class TokenError extends Error {
  override name = "TokenError";
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface VerifierOptions {
  jwks: JwksCache;
  issuer: string;
  audience: string | string[];
  algorithms: string[];
  /**
   * "oauth": only OAuth access tokens (`typ: at+jwt`, RFC 9068) with `scope` and `azp`.
   * Unset: only web-session tokens; an OAuth token is refused even with a matching `aud`.
   */
  kind?: "oauth";
  /** @default 60 */
  clockSkewSeconds?: number;
  /** Cache verified tokens until they expire (default on). */
  cache?: boolean;
  /** Whether a session has ended (signed out, revoked): its tokens are refused before they expire. */
  revoked?: (sid: string) => boolean;
}

export type TokenVerifier = (token: string) => Promise<VerifiedUser>;

export function createVerifier(opts: VerifierOptions): TokenVerifier {
  if (opts.algorithms.length === 0) throw new Error("algorithms allow-list must not be empty");
  const cache = opts.cache === false ? undefined : new VerifiedTokenCache();

  const revoked = opts.revoked ?? (() => false);
  async function verify(token: string): Promise<VerifiedUser> {
    const user = await verifySignedToken(token);
    if (user.sid !== undefined && revoked(user.sid)) throw new TokenError("token_revoked", "the session of this token has ended");
    return user;
  }

  async function verifySignedToken(token: string): Promise<VerifiedUser> {
    if (token.length > MAX_TOKEN_LENGTH) throw new TokenError("token_invalid", "token is too large");
    const hit = cache?.get(token);
    if (hit) return hit;

    let header;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw new TokenError("token_invalid", "token is not a JWT");
    }
    const alg = header.alg;
    if (typeof alg !== "string" || !opts.algorithms.includes(alg)) {
      throw new TokenError("token_invalid", `algorithm ${String(alg)} is not allowed`);
    }
    if (isOAuthType(header.typ) !== (opts.kind === "oauth")) {
      throw new TokenError("token_invalid", opts.kind === "oauth" ? "not an OAuth access token" : "OAuth access tokens are for /mcp only");
    }
    if (typeof header.kid !== "string" || header.kid.length === 0) {
      throw new TokenError("token_invalid", "token header has no kid");
    }
    const key = await opts.jwks.get(header.kid, alg);
    if (!key) throw new TokenError("token_unknown_key", "token was signed by an unknown key");

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, {
        algorithms: opts.algorithms,
        issuer: opts.issuer,
        audience: opts.audience,
        clockTolerance: opts.clockSkewSeconds ?? CLOCK_SKEW_SECONDS,
        requiredClaims: ["exp", "sub"],
      }));
    } catch (err) {
      throw mapJoseError(err);
    }
    if (typeof payload.sub !== "string" || payload.sub.length === 0) {
      throw new TokenError("token_claims_invalid", "token has no subject");
    }
    const user: VerifiedUser = {
      id: payload.sub,
      email: typeof payload.email === "string" ? payload.email : undefined,
      name: typeof payload.name === "string" ? payload.name : undefined,
      sid: typeof payload.sid === "string" ? payload.sid : undefined,
      exp: payload.exp as number,
    };
    if (opts.kind === "oauth") {
      if (typeof payload.azp !== "string" || typeof payload.scope !== "string") {
        throw new TokenError("token_claims_invalid", "token has no client or scope");
      }
      user.clientId = payload.azp;
      user.scopes = payload.scope.split(" ").filter(Boolean);
    }
    cache?.set(token, user);
    return user;
  }
  return verify;
}

/** RFC 9068 §2.1: `at+jwt`, or its media type form. */
export function isOAuthType(typ: unknown): boolean {
  return typeof typ === "string" && /^(application\/)?at\+jwt$/i.test(typ);
}

function mapJoseError(err: unknown): Error {
  if (err instanceof JwksUnavailableError) return err;
  if (err instanceof errors.JWTExpired) return new TokenError("token_expired", "token has expired");
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === "nbf") return new TokenError("token_not_yet_valid", "token is not valid yet");
    return new TokenError("token_claims_invalid", `token claim "${err.claim}" is invalid`);
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) {
    return new TokenError("token_invalid", "token signature is invalid");
  }
  return new TokenError("token_invalid", "token is malformed");
}
