/**
 * `/mcp`: MCP Streamable HTTP in stateless mode (a fresh server and transport
 * per request), behind a Bearer JWT: an OAuth access token of an MCP client
 * (scoped, decision 007) or, for scripts, a pasted web token (every tool). Plus
 * the RFC 9728 protected-resource metadata that tells clients where to sign in.
 */
import { decodeProtectedHeader } from "jose";
import { Hono, type Context } from "hono";
import type { ToolContext, WriteBudget } from "../../assistant/tools/define.ts";
import { MCP_SCOPES, scopeForTool, toolsAllowed } from "../../contracts/oauth.ts";
import { TOOL_NAMES } from "../../contracts/tool-specs.ts";
import type { Db } from "../../db/client.ts";
import { userTimeZone } from "../../domain/settings.ts";
import { hasActiveGrant } from "../../domain/account/connected-apps.ts";
import type { RowLimits } from "../../domain/quotas.ts";
import { errorJson, HttpError } from "../../http/errors.ts";
import { requireUser, type AuthEnv } from "../require-user.ts";
import { isOAuthType, type TokenVerifier } from "../verify-jwt.ts";

export interface McpDeps {
  db: Db;
  /** Web-session tokens (aud = AUTH_AUDIENCE). */
  verify: TokenVerifier;
  /** OAuth access tokens (`typ: at+jwt`, aud = one of `mcpResources`). */
  verifyOAuth: TokenVerifier;
  publicUrl: string;
  /** The resource identifiers of /mcp; the first is PUBLIC_URL's. */
  mcpResources: string[];
  issuer: string;
  jwksUrl: string;
  onTasksChanged: (userId: string) => void;
  rowLimits: RowLimits;
  reportError: ToolContext["reportError"];
  writeBudget: (userId: string) => WriteBudget;
}

export const PROTECTED_RESOURCE_PATH = "/.well-known/oauth-protected-resource";
/**
 * What a client should ask for (MCP clients take the challenge's `scope`, else `scopes_supported`):
 * offline_access too, or the provider issues no refresh token and the user signs in every 10 minutes.
 */
const GRANT_SCOPES = [...MCP_SCOPES, "offline_access"];

// The MCP SDK (~400 KB with its JSON-schema validator) loads with the first MCP request, not at start.
let sdk: Promise<[typeof import("@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js"), typeof import("../../assistant/mcp-server.ts")]> | undefined;
const loadSdk = () =>
  (sdk ??= Promise.all([import("@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js"), import("../../assistant/mcp-server.ts")]));

export function mcpRoutes(deps: McpDeps) {
  const app = new Hono<AuthEnv>();
  // The resource is the URL the client connected to: on a local server any loopback alias of it.
  const resourceOf = (c: Context) => {
    const asked = `${new URL(c.req.url).origin}/mcp`;
    return deps.mcpResources.includes(asked) ? asked : deps.mcpResources[0]!;
  };
  const metadataUrlOf = (c: Context) => `${resourceOf(c).slice(0, -"/mcp".length)}${PROTECTED_RESOURCE_PATH}/mcp`;
  const metadata = (c: Context) =>
    c.json({
      resource: resourceOf(c),
      resource_name: "Tickler",
      authorization_servers: [deps.issuer],
      jwks_uri: deps.jwksUrl,
      scopes_supported: GRANT_SCOPES,
      bearer_methods_supported: ["header"],
      resource_signing_alg_values_supported: ["EdDSA"],
    });
  // RFC 9728: clients ask at the resource's path suffix, older ones at the root.
  app.get(PROTECTED_RESOURCE_PATH, metadata);
  app.get(`${PROTECTED_RESOURCE_PATH}/mcp`, metadata);

  // The token's own header says which kind it claims to be; each verifier refuses the other kind.
  const verify: TokenVerifier = (token) => (isOAuthType(typOf(token)) ? deps.verifyOAuth(token) : deps.verify(token));
  app.use("/mcp", requireUser({ verify, resourceMetadataUrl: metadataUrlOf, scope: GRANT_SCOPES.join(" ") }));
  app.post("/mcp", async (c) => {
    const user = c.var.user;
    let tools: string[] = [...TOOL_NAMES];
    if (user.clientId) {
      // A JWT outlives its revocation by up to its TTL: the grant itself must still stand.
      if (!(await hasActiveGrant(deps.db, user.id, user.clientId))) {
        throw new HttpError(401, "token_revoked", "access for this app was revoked", undefined, {
          "www-authenticate": `Bearer realm="tickler", error="invalid_token", error_description="access for this app was revoked", resource_metadata="${metadataUrlOf(c)}"`,
        });
      }
      tools = toolsAllowed(user.scopes ?? []);
      const needed = tools.length === 0 ? "tasks:read" : await missingScope(c.req.raw, tools);
      if (needed) throw insufficientScope(needed, metadataUrlOf(c));
    }
    const [{ WebStandardStreamableHTTPServerTransport }, { createMcpServer }] = await loadSdk();
    const server = createMcpServer(
      {
        db: deps.db,
        userId: user.id,
        // MCP requests name no zone: the user's stored one.
        timeZone: await userTimeZone(deps.db, user.id),
        now: () => new Date(),
        onTasksChanged: deps.onTasksChanged,
        rowLimits: deps.rowLimits,
        requestId: c.var.requestId,
        reportError: deps.reportError,
        // Every tools/call of a mutating tool counts, each call inside a JSON-RPC batch too.
        spendWrite: deps.writeBudget(user.id),
      },
      tools,
    );
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      void server.close();
    }
  });
  // Stateless: no server-initiated stream and no session to end.
  app.on(["GET", "DELETE"], "/mcp", (c) =>
    errorJson(c, 405, "method_not_allowed", "this MCP endpoint is stateless: use POST", undefined, { allow: "POST" }),
  );
  return app;
}

function typOf(token: string): unknown {
  try {
    return decodeProtectedHeader(token).typ;
  } catch {
    return undefined; // the web verifier names the malformed token
  }
}

/** The scope a `tools/call` in this JSON-RPC body (one message or a batch) needs beyond `allowed`. */
async function missingScope(req: Request, allowed: string[]): Promise<string | undefined> {
  let body: unknown;
  try {
    body = await req.clone().json();
  } catch {
    return undefined; // the transport answers the parse error
  }
  for (const msg of Array.isArray(body) ? body : [body]) {
    if (!msg || typeof msg !== "object") continue;
    const { method, params } = msg as { method?: unknown; params?: { name?: unknown } };
    if (method !== "tools/call" || typeof params?.name !== "string") continue;
    if (!allowed.includes(params.name) && (TOOL_NAMES as readonly string[]).includes(params.name)) return scopeForTool(params.name);
  }
  return undefined;
}

/** RFC 6750 §3.1: 403 naming the scope, so the client can ask the user for more. */
function insufficientScope(scope: string, metadataUrl: string): HttpError {
  const message = `this token lacks the ${scope} scope`;
  return new HttpError(403, "insufficient_scope", message, { scope }, {
    "www-authenticate": `Bearer realm="tickler", error="insufficient_scope", scope="${scope}", error_description="${message}", resource_metadata="${metadataUrl}"`,
  });
}

