/**
 * The Better Auth client. Cookie session for sign-in state; the `jwtClient`
 * plugin exposes `authClient.token()` (GET /api/auth/token) which the token
 * manager (token.ts) turns into Bearer tokens for the task API. It depends on
 * this module, never the reverse: JWTs seen here reach it through `onSessionJwt`.
 */
import { createAuthClient } from "better-auth/react";
import { jwtClient } from "better-auth/client/plugins";

const jwtListeners = new Set<(jwt: string) => void>();

/** Called with every JWT a get-session response carries. */
export function onSessionJwt(listener: (jwt: string) => void): () => void {
  jwtListeners.add(listener);
  return () => jwtListeners.delete(listener);
}

export const authClient = createAuthClient({
  // Same origin as the SPA; the server mounts Better Auth at /api/auth.
  basePath: "/api/auth",
  plugins: [jwtClient()],
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
