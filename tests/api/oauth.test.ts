/**
 * MCP clients sign in by OAuth 2.1 (issue 12, decision 007): discovery,
 * registration, the code flow with PKCE, refresh, scopes and revocation, and
 * what must be refused: wrong verifiers, reused codes, foreign redirect URIs
 * and resources, MCP tokens on REST, consent from a foreign origin.
 */
import { decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  authorize,
  authorizationCode,
  consent,
  MCP_RESOURCE,
  newClientId,
  oauthTokens,
  pkce,
  REDIRECT_URI,
  registerClient,
  tokenRequest,
} from "../support/oauth-flow.ts";
import { createTestApp, TEST_ORIGIN, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let ann: TestUser;
let bob: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  ann = await t.signUp("Ann");
  bob = await t.signUp("Bob");
});
afterAll(() => t.close());

const rpc = (method: string, params: unknown = {}, id = 1) => ({ jsonrpc: "2.0", id, method, params });
const mcp = (token: string, body: unknown, init: RequestInit = {}) =>
  t.request("/mcp", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify(body),
    ...init,
  });
const callTool = (token: string, name: string, args: unknown) => mcp(token, rpc("tools/call", { name, arguments: args }));

describe("discovery", () => {
  it("serves RFC 8414 metadata at the root and the path-suffixed form, S256 only", async () => {
    for (const path of ["/.well-known/oauth-authorization-server", "/.well-known/oauth-authorization-server/api/auth"]) {
      const res = await t.request(path);
      expect(res.status).toBe(200);
      const meta = (await res.json()) as Record<string, unknown>;
      expect(meta.authorization_endpoint).toBe(`${TEST_ORIGIN}/api/auth/oauth2/authorize`);
      expect(meta.token_endpoint).toBe(`${TEST_ORIGIN}/api/auth/oauth2/token`);
      expect(meta.registration_endpoint).toBe(`${TEST_ORIGIN}/api/auth/oauth2/register`);
      expect(meta.revocation_endpoint).toBe(`${TEST_ORIGIN}/api/auth/oauth2/revoke`);
      expect(meta.code_challenge_methods_supported).toEqual(["S256"]);
      expect(meta.scopes_supported).toEqual(expect.arrayContaining(["tasks:read", "tasks:write"]));
    }
  });

  it("serves RFC 9728 metadata for /mcp at the path-suffixed and the root form", async () => {
    for (const path of ["/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource"]) {
      const meta = (await (await t.request(path)).json()) as Record<string, unknown>;
      expect(meta.resource).toBe(MCP_RESOURCE);
      expect(meta.authorization_servers).toEqual([TEST_ORIGIN]);
      expect(meta.scopes_supported).toEqual(["tasks:read", "tasks:write", "offline_access"]);
    }
  });

  it("answers /mcp without a token with 401 and the metadata pointer", async () => {
    const res = await t.request("/mcp", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(rpc("tools/list")) });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain(`resource_metadata="${TEST_ORIGIN}/.well-known/oauth-protected-resource/mcp"`);
    expect(res.headers.get("www-authenticate")).toContain('scope="tasks:read tasks:write offline_access"');
  });

  it("names the loopback origin the client used as the resource when PUBLIC_URL is a local address", async () => {
    const local = await createTestApp({ PUBLIC_URL: "http://127.0.0.1:3999" });
    try {
      for (const origin of ["http://localhost:3999", "http://127.0.0.1:3999", "http://[::1]:3999"]) {
        const meta = (await (await local.tickler.app.request(`${origin}/.well-known/oauth-protected-resource/mcp`)).json()) as { resource: string };
        expect(meta.resource).toBe(`${origin}/mcp`);
        const res = await local.tickler.app.request(`${origin}/mcp`, { method: "POST" });
        expect(res.headers.get("www-authenticate")).toContain(`resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp"`);
      }
      // Another port is another server: the configured resource is named.
      const other = (await (await local.tickler.app.request("http://localhost:4000/.well-known/oauth-protected-resource/mcp")).json()) as { resource: string };
      expect(other.resource).toBe("http://127.0.0.1:3999/mcp");
    } finally {
      await local.close();
    }
  });
});

describe("dynamic client registration", () => {
  it("registers a client that omits application_type and redirects to loopback as a native app that may refresh", async () => {
    const res = await registerClient(t, { redirect_uris: ["http://localhost:51234/callback"], grant_types: undefined });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.application_type).toBe("native");
    expect(body.grant_types).toEqual(["authorization_code", "refresh_token"]);
    expect(body.token_endpoint_auth_method).toBe("none");
    expect(body).not.toHaveProperty("client_secret");
  });

  it("refuses http redirects to other hosts, and javascript: URIs", async () => {
    for (const uri of ["http://evil.example/callback", "javascript:alert(1)"]) {
      const res = await registerClient(t, { redirect_uris: [uri] });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/invalid_redirect_uri|invalid_client_metadata|invalid_request/);
    }
  });

  it("keeps the provider's administrative API off the network", async () => {
    for (const path of ["/api/auth/oauth2/create-client", "/api/auth/admin/oauth2/create-client", "/api/auth/oauth2/update-consent", "/api/auth/oauth2/get-clients"]) {
      const res = await t.request(path, { method: "POST", headers: { "content-type": "application/json", cookie: ann.cookie, origin: TEST_ORIGIN }, body: "{}" });
      expect(res.status).toBe(404);
    }
  });
});

describe("authorization code flow with PKCE", () => {
  it("issues EdDSA at+jwt access tokens bound to the MCP resource, with scope and azp, and a refresh token", async () => {
    const tokens = await oauthTokens(t, ann);
    expect(decodeProtectedHeader(tokens.access_token)).toMatchObject({ typ: "at+jwt", alg: "EdDSA", kid: expect.any(String) });
    const claims = decodeJwt(tokens.access_token);
    expect(claims).toMatchObject({ sub: ann.id, aud: MCP_RESOURCE, azp: tokens.clientId, iss: TEST_ORIGIN });
    expect(String(claims.scope).split(" ")).toEqual(expect.arrayContaining(["tasks:read", "tasks:write"]));
    expect(tokens.expires_in).toBe(600);
    expect(tokens.refresh_token).toBeTruthy();

    const res = await callTool(tokens.access_token, "add_task", { title: "from an MCP client" });
    expect(res.status).toBe(200);
    const listed = (await (await t.api(ann, "GET", "/api/me/tasks")).json()) as { tasks: { title: string }[] };
    expect(listed.tasks.map((x) => x.title)).toContain("from an MCP client");
  });

  it("sends a signed-out browser to the sign-in page with the flow's signed state", async () => {
    const clientId = await newClientId(t);
    const res = await t.request(`/api/auth/oauth2/authorize?${new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: REDIRECT_URI, scope: "tasks:read", code_challenge: pkce().challenge, code_challenge_method: "S256", resource: MCP_RESOURCE, state: "s" })}`, { redirect: "manual", headers: { accept: "text/html" } });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location")!, TEST_ORIGIN);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("sig")).toBeTruthy();
    expect(location.searchParams.get("client_id")).toBe(clientId);
  });

  it("refreshes with rotation: the old refresh token stops working", async () => {
    const tokens = await oauthTokens(t, ann);
    const refreshed = await tokenRequest(t, { grant_type: "refresh_token", refresh_token: tokens.refresh_token!, client_id: tokens.clientId, resource: MCP_RESOURCE });
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as { access_token: string; refresh_token: string };
    expect(next.refresh_token).not.toBe(tokens.refresh_token);
    expect((await mcp(next.access_token, rpc("tools/list"))).status).toBe(200);
    const again = await tokenRequest(t, { grant_type: "refresh_token", refresh_token: tokens.refresh_token!, client_id: tokens.clientId });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: string }).error).toBe("invalid_grant");
  });

  it("refuses a wrong code_verifier, and a code used twice", async () => {
    const clientId = await newClientId(t);
    const verifier = pkce();
    const code = (await authorizationCode(t, ann, { clientId, pkce: verifier })).searchParams.get("code")!;
    const exchange = (code_verifier: string) =>
      tokenRequest(t, { grant_type: "authorization_code", code, code_verifier, client_id: clientId, redirect_uri: REDIRECT_URI, resource: MCP_RESOURCE });
    const wrong = await exchange(pkce().verifier);
    expect([400, 401]).toContain(wrong.status);
    const body = (await wrong.json()) as { error: string; access_token?: string };
    expect(body.access_token).toBeUndefined();
    expect(["invalid_grant", "invalid_client", "invalid_request"]).toContain(body.error);

    const code2 = (await authorizationCode(t, ann, { clientId, pkce: verifier })).searchParams.get("code")!;
    const first = await tokenRequest(t, { grant_type: "authorization_code", code: code2, code_verifier: verifier.verifier, client_id: clientId, redirect_uri: REDIRECT_URI, resource: MCP_RESOURCE });
    expect(first.status).toBe(200);
    const reused = await tokenRequest(t, { grant_type: "authorization_code", code: code2, code_verifier: verifier.verifier, client_id: clientId, redirect_uri: REDIRECT_URI, resource: MCP_RESOURCE });
    expect(reused.status).toBe(400);
    expect(((await reused.json()) as { error: string }).error).toBe("invalid_grant");
  });

  it("refuses plain PKCE and a request without a code challenge", async () => {
    const clientId = await newClientId(t);
    const base = { response_type: "code", client_id: clientId, redirect_uri: REDIRECT_URI, scope: "tasks:read", resource: MCP_RESOURCE, state: "s" };
    for (const extra of [{ code_challenge: "x".repeat(43), code_challenge_method: "plain" }, {}] as Record<string, string>[]) {
      const res = await t.request(`/api/auth/oauth2/authorize?${new URLSearchParams({ ...base, ...extra })}`, { headers: { cookie: ann.cookie }, redirect: "manual" });
      const location = res.headers.get("location") ?? "";
      expect(location).not.toContain("code=");
      expect(location).toContain("error=");
    }
  });

  it("never redirects to a URI the client did not register (no open redirect)", async () => {
    const clientId = await newClientId(t);
    for (const redirectUri of ["http://evil.example/callback", "http://127.0.0.1:43210/other", "https://127.0.0.1:43210/callback"]) {
      const { status, location } = await authorize(t, ann, { clientId, pkce: pkce(), redirectUri });
      expect(location ?? "").not.toContain("evil.example");
      expect(location ?? "").not.toMatch(/^https?:\/\/127\.0\.0\.1:43210/);
      if (location) expect(new URL(location, TEST_ORIGIN).origin).toBe(TEST_ORIGIN);
      else expect(status).toBeGreaterThanOrEqual(400);
    }
    // A loopback redirect may change only its port (RFC 8252 §7.3).
    const { location } = await authorize(t, ann, { clientId, pkce: pkce(), redirectUri: "http://127.0.0.1:60001/callback" });
    expect(new URL(location!, TEST_ORIGIN).pathname).toBe("/oauth/consent");
  });

  it("refuses a token for another server's resource", async () => {
    const clientId = await newClientId(t);
    const { location } = await authorize(t, ann, { clientId, pkce: pkce(), resource: "https://other.example/mcp" });
    expect(location).toBeTruthy();
    const url = new URL(location!, TEST_ORIGIN);
    expect(url.searchParams.get("code")).toBeNull();
    expect(url.searchParams.get("error")).toBe("invalid_target");
  });
});

describe("consent", () => {
  it("refuses a consent POST from a foreign origin (CSRF) and without a session", async () => {
    const clientId = await newClientId(t);
    const { location } = await authorize(t, ann, { clientId, pkce: pkce() });
    expect(new URL(location!, TEST_ORIGIN).pathname).toBe("/oauth/consent");
    expect((await consent(t, ann, location!, true, "http://evil.example")).status).toBe(403);
    const anonymous = await t.request("/api/auth/oauth2/consent", {
      method: "POST",
      headers: { "content-type": "application/json", origin: TEST_ORIGIN },
      body: JSON.stringify({ accept: true, oauth_query: new URL(location!, TEST_ORIGIN).search.slice(1) }),
    });
    expect(anonymous.status).toBe(401);
    // The same signed query, tampered with, is refused too.
    const tampered = location!.replace("tasks%3Aread", "tasks%3Awrite").replace("tasks:read", "tasks:write");
    const res = await consent(t, ann, `${tampered}&scope=tasks%3Awrite`);
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  it("denying sends the client access_denied and no code", async () => {
    const clientId = await newClientId(t);
    const { location } = await authorize(t, ann, { clientId, pkce: pkce() });
    const res = await consent(t, ann, location!, false);
    const url = new URL(((await res.json()) as { url: string }).url);
    expect(url.origin + url.pathname).toBe(REDIRECT_URI);
    expect(url.searchParams.get("error")).toBe("access_denied");
    expect(url.searchParams.get("code")).toBeNull();
  });
});

describe("tokens on the resource server", () => {
  it("refuses an MCP token on REST, while a pasted web token still works on /mcp", async () => {
    const tokens = await oauthTokens(t, ann);
    const res = await t.request("/api/me/tasks", { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(res.status).toBe(401);
    // The pasted web token keeps working on /mcp for scripts.
    expect((await mcp(ann.token, rpc("tools/list"))).status).toBe(200);
  });

  it("gives a read-only grant the read tools only, and 403 insufficient_scope on add_task", async () => {
    const tokens = await oauthTokens(t, bob, { scope: "tasks:read offline_access" });
    const list = (await (await mcp(tokens.access_token, rpc("tools/list"))).json()) as { result: { tools: { name: string }[] } };
    expect(list.result.tools.map((x) => x.name).sort()).toEqual(["get_task", "list_lists", "list_tasks"]);
    expect((await callTool(tokens.access_token, "list_tasks", {})).status).toBe(200);

    const res = await callTool(tokens.access_token, "add_task", { title: "must not exist" });
    expect(res.status).toBe(403);
    expect(res.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    expect(res.headers.get("www-authenticate")).toContain('scope="tasks:write"');
    expect(((await res.json()) as { error: { code: string; details: { scope: string } } }).error).toMatchObject({ code: "insufficient_scope", details: { scope: "tasks:write" } });
    // Hidden inside a batch, too.
    const batch = await mcp(tokens.access_token, [rpc("tools/list", {}, 1), rpc("tools/call", { name: "delete_tasks", arguments: { confirm: true } }, 2)]);
    expect(batch.status).toBe(403);
    const listed = (await (await t.api(bob, "GET", "/api/me/tasks")).json()) as { tasks: unknown[] };
    expect(listed.tasks).toEqual([]);
  });

  it("acts for the token's user only", async () => {
    const tokens = await oauthTokens(t, bob);
    await callTool(tokens.access_token, "add_task", { title: "bob's" });
    const annTasks = (await (await t.api(ann, "GET", "/api/me/tasks")).json()) as { tasks: { title: string }[] };
    expect(annTasks.tasks.map((x) => x.title)).not.toContain("bob's");
  });
});

describe("connected apps and revocation", () => {
  it("lists the granted app and, once revoked, refuses its access and refresh tokens at once", async () => {
    const clientId = await newClientId(t, { client_name: "Claude Code" });
    const tokens = await oauthTokens(t, ann, { clientId });
    const apps = (await (await t.api(ann, "GET", "/api/me/connected-apps")).json()) as { apps: { client_id: string; name: string; redirect_host: string; last_used_at: string | null }[] };
    const app = apps.apps.find((a) => a.client_id === clientId);
    expect(app).toMatchObject({ name: "Claude Code", redirect_host: "127.0.0.1:43210", last_used_at: expect.any(String) });
    // Another user sees nothing of it, and cannot revoke it.
    const bobs = (await (await t.api(bob, "GET", "/api/me/connected-apps")).json()) as { apps: { client_id: string }[] };
    expect(bobs.apps.map((a) => a.client_id)).not.toContain(clientId);
    expect((await t.api(bob, "DELETE", `/api/me/connected-apps/${clientId}`)).status).toBe(404);
    expect((await mcp(tokens.access_token, rpc("tools/list"))).status).toBe(200);

    expect((await t.api(ann, "DELETE", `/api/me/connected-apps/${clientId}`)).status).toBe(204);
    const refused = await mcp(tokens.access_token, rpc("tools/list"));
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toContain("resource_metadata=");
    const refresh = await tokenRequest(t, { grant_type: "refresh_token", refresh_token: tokens.refresh_token!, client_id: clientId });
    expect(refresh.status).toBe(400);
    const after = (await (await t.api(ann, "GET", "/api/me/connected-apps")).json()) as { apps: { client_id: string }[] };
    expect(after.apps.map((a) => a.client_id)).not.toContain(clientId);
  });

  it("the client's own revocation (RFC 7009) ends its refresh token", async () => {
    const tokens = await oauthTokens(t, ann);
    const res = await t.request("/api/auth/oauth2/revoke", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: tokens.refresh_token!, token_type_hint: "refresh_token", client_id: tokens.clientId }).toString(),
    });
    expect(res.status).toBe(200);
    const refresh = await tokenRequest(t, { grant_type: "refresh_token", refresh_token: tokens.refresh_token!, client_id: tokens.clientId });
    expect(refresh.status).toBe(400);
  });
});
