/**
 * The task tools as an MCP server. Built per request (stateless Streamable
 * HTTP), bound to the user of that request's verified token.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { runTool, taskTools, type ToolContext } from "./tools/index.ts";

export const MCP_SERVER_INFO = { name: "tickler", version: "0.1.0" };

/** `tools`: the names this caller may see and call (an OAuth grant's scopes); default all. */
export function createMcpServer(ctx: ToolContext, tools?: readonly string[]): McpServer {
  const server = new McpServer(MCP_SERVER_INFO, {
    instructions: "Tickler task tools. Tasks are numbered per user; every call acts for the signed-in user only.",
  });
  for (const tool of taskTools) {
    if (tools && !tools.includes(tool.name)) continue;
    server.registerTool(
      tool.name,
      {
        description: tool.description,
        inputSchema: tool.input,
        annotations: { readOnlyHint: !tool.mutates, destructiveHint: tool.effect === "delete", openWorldHint: false },
      },
      async (input: unknown): Promise<CallToolResult> => {
        // The SDK validated the input already; runTool checks it again, as on every surface.
        const result = await runTool(tool, ctx, input);
        return {
          content: [{ type: "text", text: JSON.stringify(result) }],
          structuredContent: result,
          isError: "error" in result,
        };
      },
    );
  }
  return server;
}
