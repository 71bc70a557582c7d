/**
 * OAuth scopes of the MCP surface and what they allow, shared by the issuer,
 * the resource server and the web consent page. `tasks:read` reaches only the
 * tools that change nothing (the spec's `mutates` flag); `tasks:write` the rest.
 */
import * as z from "zod";
import { TOOL_NAMES, toolSpec } from "./tool-specs.ts";

export const MCP_SCOPES = ["tasks:read", "tasks:write"] as const;
export type McpScope = (typeof MCP_SCOPES)[number];

/** What the consent page says each scope lets the app do. */
export const SCOPE_DESCRIPTIONS: Record<string, string> = {
  "tasks:read": "See your tasks",
  "tasks:write": "Add, change, complete and delete your tasks",
  offline_access: "Stay connected until you revoke it",
};

/** The scope a call of this tool needs. */
export function scopeForTool(name: string): McpScope {
  return toolSpec(name)?.mutates === false ? "tasks:read" : "tasks:write";
}

/** The tools a grant of these scopes may see and call. */
export function toolsAllowed(scopes: readonly string[]): string[] {
  return TOOL_NAMES.filter((name) => scopes.includes(scopeForTool(name)));
}

/** One app in the account page's "Connected apps". */
export const ConnectedApp = z.object({
  client_id: z.string(),
  name: z.string(),
  redirect_host: z.string().nullable(),
  scopes: z.array(z.string()),
  connected_at: z.string(),
  /** When the app last got a token (signing in or refreshing); null before its first. */
  last_used_at: z.string().nullable(),
});
export type ConnectedApp = z.infer<typeof ConnectedApp>;

export const ConnectedAppList = z.object({ apps: z.array(ConnectedApp) });
