/**
 * OAuth state lives in PostgreSQL, nothing in memory: on two replicas of one
 * database a client registers on one, the user authorizes and consents across
 * both, the code and refresh token redeem anywhere, and a revocation on one is
 * refused on the other at once.
 */
import { describe, expect, it } from "vitest";
import { authorize, consent, MCP_RESOURCE, newClientId, pkce, REDIRECT_URI, tokenRequest, type Requester } from "../support/oauth-flow.ts";
import { useReplicas } from "../support/replicas.ts";
import { inProcess, sessionAfterSignUp } from "../support/mailbox.ts";
import { TEST_ORIGIN } from "../support/test-app.ts";

describe.skipIf(process.env.TEST_DB !== "postgres")("OAuth across replicas on one PostgreSQL", () => {
  const replicas = useReplicas();

  it("registers, authorizes, exchanges, refreshes and revokes on different replicas", async () => {
    const [a, b] = (await replicas.start(2)).map((r): Requester => ({ request: (path, init) => Promise.resolve(r.app.request(`${TEST_ORIGIN}${path}`, init)) })) as [Requester, Requester];

    const up = await a.request("/api/auth/sign-up/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: TEST_ORIGIN },
      body: JSON.stringify({ name: "Replica", email: "oauth.replica@example.com", password: "replica password" }),
    });
    const cookie = await sessionAfterSignUp(up, "oauth.replica@example.com", replicas.mailbox, inProcess(b.request, TEST_ORIGIN));
    const clientId = await newClientId(a);
    const verifier = pkce();
    const { location } = await authorize(b, { cookie }, { clientId, pkce: verifier });
    const accepted = await consent(a, { cookie }, location!);
    const code = new URL(((await accepted.json()) as { url: string }).url).searchParams.get("code")!;
    const exchanged = await tokenRequest(b, { grant_type: "authorization_code", code, code_verifier: verifier.verifier, client_id: clientId, redirect_uri: REDIRECT_URI, resource: MCP_RESOURCE });
    expect(exchanged.status).toBe(200);
    const tokens = (await exchanged.json()) as { access_token: string; refresh_token: string };

    const mcp = (r: Requester, token: string) =>
      r.request("/mcp", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
      });
    expect((await mcp(a, tokens.access_token)).status).toBe(200);
    const refreshed = await tokenRequest(a, { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: clientId, resource: MCP_RESOURCE });
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as { access_token: string; refresh_token: string };
    // The rotated-out refresh token is dead on the other replica too.
    expect((await tokenRequest(b, { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: clientId })).status).toBe(400);

    const { token: web } = (await (await b.request("/api/auth/token", { headers: { cookie, origin: TEST_ORIGIN } })).json()) as { token: string };
    const revoked = await b.request(`/api/me/connected-apps/${clientId}`, { method: "DELETE", headers: { authorization: `Bearer ${web}` } });
    expect(revoked.status).toBe(204);
    expect((await mcp(a, next.access_token)).status).toBe(401);
    expect((await tokenRequest(a, { grant_type: "refresh_token", refresh_token: next.refresh_token, client_id: clientId })).status).toBe(400);
  });
});
