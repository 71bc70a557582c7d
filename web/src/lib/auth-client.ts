/**
 * The Better Auth client. Cookie session for sign-in state; the `jwtClient`
 * plugin exposes `authClient.token()` (GET /api/auth/token) which the token
 * manager (token.ts) turns into Bearer tokens for the task API. It depends on
 * this module, never the reverse: JWTs seen here reach it through `onSessionJwt`.
 */
import { createAuthClient } from "better-auth/react";
import { jwtClient } from "better-auth/client/plugins";
import { oauthProviderClient } from "@better-auth/oauth-provider/client";

const jwtListeners = new Set<(jwt: string) => void>();

/** Called with every JWT a get-session response carries. */
export function onSessionJwt(listener: (jwt: string) => void): () => void {
  jwtListeners.add(listener);
  return () => jwtListeners.delete(listener);
}

export const authClient = createAuthClient({
  // Same origin as the SPA; the server mounts Better Auth at /api/auth.
  basePath: "/api/auth",
  // oauthProviderClient: on a page an OAuth authorization sent us to (its signed query in the URL),
  // sign-in, sign-up and consent carry that query, and the server answers where the flow goes on.
  plugins: [jwtClient(), oauthProviderClient()],
  fetchOptions: {
    // get-session answers with a fresh JWT in `set-auth-jwt`: taking it saves the
    // /token round trip before the first task request on every page load.
    onSuccess: (ctx) => {
      const jwt = ctx.response.headers.get("set-auth-jwt");
      if (jwt) for (const listener of jwtListeners) listener(jwt);
    },
  },
});

export type SessionUser = { id: string; name: string; email: string };

/** Whether this page was reached in an OAuth authorization (an MCP client signing in). */
export function inOAuthFlow(search: URLSearchParams): boolean {
  return search.has("sig") && search.has("client_id");
}

/** Sign-in, sign-up and consent answer `{ url }` when an OAuth flow goes on elsewhere: follow it. */
export function followOAuthRedirect(data: unknown): boolean {
  const { redirect, url } = (data && typeof data === "object" ? data : {}) as { redirect?: unknown; url?: unknown };
  if (redirect !== true || typeof url !== "string" || !url) return false;
  window.location.assign(url);
  return true;
}
