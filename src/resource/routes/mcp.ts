/**
 * `/mcp`: MCP Streamable HTTP in stateless mode (a fresh server and transport
 * per request), behind the same Bearer JWT check as the REST API, plus the
 * OAuth protected-resource metadata that tells clients which issuer to use.
 */
import { Hono } from "hono";
import type { ToolContext, WriteBudget } from "../../assistant/tools/define.ts";
import type { Db } from "../../db/client.ts";
import type { RowLimits } from "../../domain/quotas.ts";
import { errorJson } from "../../http/errors.ts";
import { requireUser, type AuthEnv } from "../require-user.ts";
import type { TokenVerifier } from "../verify-jwt.ts";

export interface McpDeps {
  db: Db;
  verify: TokenVerifier;
  publicUrl: string;
  issuer: string;
  jwksUrl: string;
  onTasksChanged: (userId: string) => void;
  rowLimits: RowLimits;
  reportError: ToolContext["reportError"];
  writeBudget: (userId: string) => WriteBudget;
}

export const PROTECTED_RESOURCE_PATH = "/.well-known/oauth-protected-resource";

// The MCP SDK (~400 KB with its JSON-schema validator) loads with the first MCP request, not at start.
let sdk: Promise<[typeof import("@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js"), typeof import("../../assistant/mcp-server.ts")]> | undefined;
const loadSdk = () =>
  (sdk ??= Promise.all([import("@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js"), import("../../assistant/mcp-server.ts")]));

export function mcpRoutes(deps: McpDeps) {
  const app = new Hono<AuthEnv>();
  const metadataUrl = `${deps.publicUrl}${PROTECTED_RESOURCE_PATH}`;
  const metadata = {
    resource: `${deps.publicUrl}/mcp`,
    resource_name: "Tickler",
    authorization_servers: [deps.issuer],
    jwks_uri: deps.jwksUrl,
    bearer_methods_supported: ["header"],
    resource_signing_alg_values_supported: ["EdDSA"],
  };
  // RFC 9728: clients ask at the root and at the resource's path suffix.
  app.get(PROTECTED_RESOURCE_PATH, (c) => c.json(metadata));
  app.get(`${PROTECTED_RESOURCE_PATH}/mcp`, (c) => c.json(metadata));

  app.use("/mcp", requireUser({ verify: deps.verify, resourceMetadataUrl: metadataUrl }));
  app.post("/mcp", async (c) => {
    const [{ WebStandardStreamableHTTPServerTransport }, { createMcpServer }] = await loadSdk();
    const server = createMcpServer({
      db: deps.db,
      userId: c.var.user.id,
      timeZone: "UTC",
      now: () => new Date(),
      onTasksChanged: deps.onTasksChanged,
      rowLimits: deps.rowLimits,
      requestId: c.var.requestId,
      reportError: deps.reportError,
      // Every tools/call of a mutating tool counts, each call inside a JSON-RPC batch too.
      spendWrite: deps.writeBudget(c.var.user.id),
    });
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
