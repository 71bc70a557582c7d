/**
 * An MCP client signs in by itself (issue 12): the official MCP TypeScript SDK
 * client with its OAuth client provider finds the authorization server from the
 * 401, registers, sends the user through headless Chromium (sign in, consent),
 * exchanges the code with PKCE, lists and calls tools, refreshes after the
 * access token expired, and is refused once the user revokes it on the account
 * page. Screenshots: test-results/screenshots/oauth-{consent,connected-apps}-*.png.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import { decodeJwt } from "jose";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousA11yViolations } from "./support/axe.ts";
import { openPage } from "./support/browser.ts";
import { SCREENSHOTS, useE2eApp } from "./support/e2e-app.ts";
import { E2E_SERVER_ENV } from "./support/server-env.ts";
import { signUpInContext, uniqueEmail } from "./support/seed.ts";
import { SignUpPage } from "../pages/auth-pages.ts";

// Short-lived access tokens and no leeway, so "after the access token expired" comes within seconds.
const app = useE2eApp({ ...E2E_SERVER_ENV, OAUTH_ACCESS_TOKEN_TTL_SECONDS: "4", JWT_CLOCK_SKEW_SECONDS: "0" });

const CALLBACK = "http://127.0.0.1:43219/callback";
const PASSWORD = "correct horse battery";

/** What Claude Code or the Inspector keep between runs, in memory. */
class MemoryProvider implements OAuthClientProvider {
  info: OAuthClientInformationMixed | undefined;
  saved: OAuthTokens[] = [];
  verifier = "";
  authorizations: URL[] = [];
  readonly redirectUrl = CALLBACK;
  readonly clientMetadata: OAuthClientMetadata = {
    client_name: "SDK test client",
    redirect_uris: [CALLBACK],
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    token_endpoint_auth_method: "none",
  };
  clientInformation = () => this.info;
  saveClientInformation = (info: OAuthClientInformationMixed) => void (this.info = info);
  tokens = () => this.saved.at(-1);
  saveTokens = (tokens: OAuthTokens) => void this.saved.push(tokens);
  redirectToAuthorization = (url: URL) => void this.authorizations.push(url);
  saveCodeVerifier = (v: string) => void (this.verifier = v);
  codeVerifier = () => this.verifier;
}

/** Answers the client's loopback redirect inside the browser and hands over its URL. */
function catchRedirect(context: BrowserContext): Promise<URL> {
  return new Promise((resolve) => {
    void context.route(`${CALLBACK}**`, async (route) => {
      resolve(new URL(route.request().url()));
      await route.fulfill({ status: 200, contentType: "text/html", body: "<p>You can close this window.</p>" });
    });
  });
}

async function screenshots(page: Page, name: string, focus?: Locator): Promise<void> {
  for (const [label, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await focus?.evaluate((el) => el.scrollIntoView({ block: "center" }));
      await page.screenshot({ path: `${SCREENSHOTS}oauth-${name}-${label}-${colorScheme}.png` });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: "light" });
}

const connect = async (mcpUrl: URL, provider: MemoryProvider) => {
  const client = new Client({ name: "sdk-oauth-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
  await client.connect(transport);
  return { client, transport };
};

describe("an MCP client signing in with OAuth", () => {
  it("discovers, registers, signs in through the browser, calls tools, refreshes, and is refused once revoked", async () => {
    // The user's account exists already; the client's browser window starts signed out.
    const email = uniqueEmail("oauth");
    const seed = await openPage(app.browser, app.server.url);
    await signUpInContext(seed.context, app.server.url, { name: "Olivia Auth", email, password: PASSWORD });
    await seed.context.close();

    // The URL a user pastes into Claude Code: localhost, while the server calls itself 127.0.0.1.
    const mcpUrl = new URL(`http://localhost:${app.server.server.port}/mcp`);
    const provider = new MemoryProvider();
    const first = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
    await expect(new Client({ name: "sdk-oauth-test", version: "1.0.0" }).connect(first)).rejects.toThrow(/unauthorized/i);
    expect(provider.info?.client_id).toBeTruthy(); // registered dynamically
    const authorizeUrl = provider.authorizations[0]!;
    expect(authorizeUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizeUrl.searchParams.get("resource")).toBe(mcpUrl.href);

    // bypassCSP: the accessibility check injects axe-core as an inline script.
    const { context, page, errors } = await openPage(app.browser, app.server.url, { bypassCSP: true });
    const redirected = catchRedirect(context);
    await page.goto(authorizeUrl.href);
    await page.getByTestId("sign-in-form").waitFor();
    await page.getByTestId("email").fill(email);
    await page.getByTestId("password").fill(PASSWORD);
    await page.getByTestId("submit").click();

    await page.getByTestId("consent").waitFor();
    await expect.poll(() => page.getByTestId("consent-client").innerText()).toBe("SDK test client");
    expect(await page.getByTestId("consent-redirect-host").innerText()).toBe("127.0.0.1:43219");
    expect(await page.getByTestId("consent-scopes").locator("li").allInnerTexts()).toEqual([
      "See your tasks",
      "Add, change, complete and delete your tasks",
      "Stay connected until you revoke it",
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshots(page, "consent");
    await page.getByTestId("consent-allow").click();
    const callback = await redirected;
    expect(callback.searchParams.get("state")).toBe(authorizeUrl.searchParams.get("state"));
    await first.finishAuth(callback.searchParams.get("code")!);
    expect(provider.saved).toHaveLength(1);
    const issued = provider.saved[0]!;
    expect(decodeJwt(issued.access_token)).toMatchObject({ aud: mcpUrl.href, azp: provider.info!.client_id });

    const { client } = await connect(mcpUrl, provider);
    const tools = (await client.listTools()).tools.map((t) => t.name);
    expect(tools).toContain("add_task");
    const added = await client.callTool({ name: "add_task", arguments: { title: "Added by my MCP client" } });
    expect(added.isError).toBeFalsy();

    // Past the access token's expiry (no leeway configured) the next call refreshes by itself.
    const exp = decodeJwt(provider.saved.at(-1)!.access_token).exp! * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, exp - Date.now()) + 1100));
    const listed = await client.callTool({ name: "list_tasks", arguments: {} });
    expect(JSON.stringify(listed.structuredContent)).toContain("Added by my MCP client");
    expect(provider.saved.length).toBeGreaterThan(1);
    expect(provider.saved.at(-1)!.refresh_token).not.toBe(issued.refresh_token);

    // The app shows on the account page; Revoke ends it at once.
    await page.goto("/account");
    const row = page.getByTestId("connected-app").filter({ hasText: "SDK test client" });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/127\.0\.0\.1:43219[\s\S]*Last used/);
    // The assistant panel would cover the page on a phone: close it for the pictures.
    if (await page.getByTestId("chat-close").isVisible()) await page.getByTestId("chat-close").click();
    await screenshots(page, "connected-apps", page.getByTestId("connected-apps-section"));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await row.getByTestId("revoke-app").click();
    await expect.poll(() => page.getByTestId("connected-apps-status").innerText()).toMatch(/can no longer reach your tasks/);
    await page.getByTestId("no-connected-apps").waitFor();

    await expect(client.listTools()).rejects.toThrow();
    await client.close();
    // Neither its last access token nor its refresh token works any more.
    const last = provider.saved.at(-1)!;
    const direct = await fetch(mcpUrl, {
      method: "POST",
      headers: { authorization: `Bearer ${last.access_token}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(direct.status).toBe(401);
    const refresh = await fetch(`${app.server.url}/api/auth/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: last.refresh_token!, client_id: provider.info!.client_id }),
    });
    expect(refresh.status).toBe(400);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keeps the client's request through creating an account on the way", async () => {
    const provider = new MemoryProvider();
    const mcpUrl = new URL(`${app.server.url}/mcp`);
    await expect(connect(mcpUrl, provider)).rejects.toThrow(/unauthorized/i);
    const { context, page, errors } = await openPage(app.browser, app.server.url);
    const redirected = catchRedirect(context);
    await page.goto(provider.authorizations[0]!.href);
    await page.getByTestId("to-sign-up").click();
    await page.getByTestId("sign-up-form").waitFor();
    expect(new URL(page.url()).searchParams.get("sig")).toBeTruthy();
    const email = uniqueEmail("oauth-new");
    await page.getByTestId("name").fill("New Person");
    await page.getByTestId("email").fill(email);
    await page.getByTestId("password").fill(PASSWORD);
    await page.getByTestId("submit").click();
    // The emailed link verifies and signs in, then the client's request goes on.
    await new SignUpPage(page).openVerificationLink(email);
    await page.getByTestId("verify-continue").click();
    await page.getByTestId("consent").waitFor();
    await page.getByTestId("consent-deny").click();
    const callback = await redirected;
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("code")).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });
});
