/**
 * Where emailed verification links land (`/email-verified`) and what that page
 * says. Better Auth appends `?error=<CODE>` when a link is expired or invalid;
 * only these fixed codes are shown, so a crafted link can't put words on the page.
 * In an MCP client's sign-in the link carries the client's request on, so the
 * flow continues after verifying.
 */
export const VERIFIED_PATH = "/email-verified";

/** The callback for a sign-up's link; `oauthQuery` is the signed query of an MCP client's sign-in. */
export function signUpCallback(oauthQuery: URLSearchParams | null, next: string | null): string {
  const q = new URLSearchParams();
  if (oauthQuery) q.set("oauth", oauthQuery.toString());
  else if (next) q.set("next", next);
  const s = q.toString();
  return s ? `${VERIFIED_PATH}?${s}` : VERIFIED_PATH;
}

export const CHANGE_CALLBACK = `${VERIFIED_PATH}?changed=1`;

const ERRORS: Record<string, string> = {
  TOKEN_EXPIRED: "This link has expired.",
  INVALID_TOKEN: "This link isn't valid. It may be incomplete: copy the whole link from the email.",
  USER_NOT_FOUND: "This link belongs to an account that no longer exists.",
  INVALID_USER: "This link belongs to another account. Sign out first, then open it again.",
};

export function verificationError(code: string | null): string | null {
  if (!code) return null;
  return Object.hasOwn(ERRORS, code) ? ERRORS[code]! : ERRORS.INVALID_TOKEN!;
}

/** The authorization request to resume after verifying (the signature and expiry are the server's to add again). */
export function resumeAuthorization(oauth: string | null): string | null {
  if (!oauth) return null;
  const q = new URLSearchParams(oauth);
  if (!q.has("client_id")) return null;
  q.delete("sig");
  q.delete("exp");
  return `/api/auth/oauth2/authorize?${q}`;
}
