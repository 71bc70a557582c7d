/**
 * The one error shape every endpoint returns: `{ error: { code, message, details? } }`.
 * Codes are lowercase snake_case strings that clients may branch on.
 */
import * as z from "zod";

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    request_id: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** 401 codes of the resource server's token check after which a fresh token may succeed. */
export const AUTH_RETRYABLE_CODES = [
  "token_missing",
  "token_invalid",
  "token_expired",
  "token_not_yet_valid",
  "token_unknown_key",
  "token_claims_invalid",
  "token_revoked", // its session ended (signed out, revoked, password changed)
] as const;

/** Every code the token check answers with (401 unless noted). */
export const AUTH_ERROR_CODES = [
  ...AUTH_RETRYABLE_CODES,
  "auth_unavailable", // 503: the JWKS could not be fetched
] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];
