/**
 * Drives the OAuth authorization code flow with PKCE in process, as an MCP
 * client and a signed-in browser would: register, authorize, consent, exchange.
 */
import { createHash, randomBytes } from "node:crypto";
import type { TestApp, TestUser } from "./test-app.ts";
import { TEST_ORIGIN } from "./test-app.ts";

/** Anything that answers requests like the test app (a replica in the replicas test). */
export type Requester = Pick<TestApp, "request">;

export const REDIRECT_URI = "http://127.0.0.1:43210/callback";
export const MCP_RESOURCE = `${TEST_ORIGIN}/mcp`;

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function pkce(): Pkce {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export async function registerClient(t: Requester, body: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Response> {
  return t.request("/api/auth/oauth2/register", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ client_name: "Test MCP client", redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"], ...body }),
  });
}

export async function newClientId(t: Requester, body: Record<string, unknown> = {}): Promise<string> {
  const res = await registerClient(t, body);
  if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { client_id: string }).client_id;
}

export interface AuthorizeParams {
  clientId: string;
  pkce: Pkce;
  scope?: string;
  resource?: string;
  redirectUri?: string;
  state?: string;
}

export function authorizeUrl(p: AuthorizeParams): string {
  const q = new URLSearchParams({
    response_type: "code",
    client_id: p.clientId,
    redirect_uri: p.redirectUri ?? REDIRECT_URI,
    scope: p.scope ?? "tasks:read tasks:write offline_access",
    state: p.state ?? "state-1",
    code_challenge: p.pkce.challenge,
    code_challenge_method: "S256",
    resource: p.resource ?? MCP_RESOURCE,
  });
  return `/api/auth/oauth2/authorize?${q}`;
}

/** GET /authorize as the signed-in browser; returns the redirect Location. */
export async function authorize(t: Requester, user: Pick<TestUser, "cookie">, p: AuthorizeParams): Promise<{ status: number; location: string | null; res: Response }> {
  const res = await t.request(authorizeUrl(p), { headers: { cookie: user.cookie, accept: "text/html" }, redirect: "manual" });
  return { status: res.status, location: res.headers.get("location"), res };
}

/** The consent page's POST: accepts (or denies) the signed query it was sent to. */
export async function consent(t: Requester, user: Pick<TestUser, "cookie">, consentLocation: string, accept = true, origin = TEST_ORIGIN): Promise<Response> {
  const query = new URL(consentLocation, TEST_ORIGIN).search.slice(1);
  return t.request("/api/auth/oauth2/consent", {
    method: "POST",
    headers: { "content-type": "application/json", cookie: user.cookie, origin },
    body: JSON.stringify({ accept, oauth_query: query }),
  });
}

/** Authorize + consent: the redirect URI with `code` and `state`. */
export async function authorizationCode(t: Requester, user: Pick<TestUser, "cookie">, p: AuthorizeParams): Promise<URL> {
  const first = await authorize(t, user, p);
  if (!first.location) throw new Error(`authorize: ${first.status} ${await first.res.text()}`);
  let target = first.location;
  if (target.includes("/oauth/consent")) {
    const res = await consent(t, user, target);
    if (res.status !== 200) throw new Error(`consent: ${res.status} ${await res.text()}`);
    target = ((await res.json()) as { url: string }).url;
  }
  return new URL(target, TEST_ORIGIN);
}

export async function tokenRequest(t: Requester, form: Record<string, string>): Promise<Response> {
  return t.request("/api/auth/oauth2/token", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
}

export interface TokenSet {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  scope: string;
  token_type: string;
}

/** The whole flow: a fresh client, the user's consent, and the token set. */
export async function oauthTokens(t: Requester, user: TestUser, opts: { scope?: string; clientId?: string } = {}): Promise<TokenSet & { clientId: string }> {
  const clientId = opts.clientId ?? (await newClientId(t));
  const verifier = pkce();
  const redirect = await authorizationCode(t, user, { clientId, pkce: verifier, ...(opts.scope ? { scope: opts.scope } : {}) });
  const code = redirect.searchParams.get("code");
  if (!code) throw new Error(`no code in ${redirect}`);
  const res = await tokenRequest(t, { grant_type: "authorization_code", code, code_verifier: verifier.verifier, client_id: clientId, redirect_uri: REDIRECT_URI, resource: MCP_RESOURCE });
  if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
  return { ...((await res.json()) as TokenSet), clientId };
}
