/**
 * The official MCP client lists and calls Tickler's tools over Streamable HTTP
 * with a Bearer token; without one it gets 401 with the metadata pointer.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionAfterSignUp } from "../support/mailbox.ts";
import { startTestServer, type TestServer } from "../support/start-server.ts";

let s: TestServer;
const tokens: string[] = [];

async function signUpToken(name: string): Promise<string> {
  const headers = { "content-type": "application/json", origin: s.url };
  const email = `${name.toLowerCase()}.${Date.now()}@example.com`;
  const up = await fetch(`${s.url}/api/auth/sign-up/email`, {
    method: "POST",
    headers,
    body: JSON.stringify({ name, email, password: "mcp client pass" }),
  });
  const cookie = await sessionAfterSignUp(up, email, s.mailbox);
  const res = await fetch(`${s.url}/api/auth/token`, { headers: { cookie, origin: s.url } });
  return ((await res.json()) as { token: string }).token;
}

async function connect(token: string): Promise<Client> {
  const client = new Client({ name: "tickler-test", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${s.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }),
  );
  return client;
}

beforeAll(async () => {
  s = await startTestServer();
  tokens.push(await signUpToken("Mcpa"), await signUpToken("Mcpb"));
});
afterAll(() => s.close());

describe("MCP server at /mcp", () => {
  it("lists the same task tools the assistant uses, none taking a user id", async () => {
    const client = await connect(tokens[0]!);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      ["add_task", "complete_task", "complete_tasks", "delete_task", "delete_tasks", "get_task", "list_tasks", "update_task", "list_lists", "create_list", "update_list", "move_tasks", "update_tasks", "skip_occurrence"].sort(),
    );
    for (const t of tools) expect(Object.keys((t.inputSchema as { properties?: object }).properties ?? {})).not.toContain("user_id");
    expect(tools.find((t) => t.name === "list_tasks")!.annotations?.readOnlyHint).toBe(true);
    await client.close();
  });

  it("calls tools for the token's user only", async () => {
    const a = await connect(tokens[0]!);
    const added = await a.callTool({ name: "add_task", arguments: { title: "From MCP", priority: "high" } });
    expect(added.isError).toBe(false);
    expect(added.structuredContent).toMatchObject({ task: { id: 1, title: "From MCP", priority: "high" } });

    const b = await connect(tokens[1]!);
    const peek = await b.callTool({ name: "get_task", arguments: { id: 1 } });
    expect(peek.isError).toBe(true);
    expect(peek.structuredContent).toEqual({ error: { code: "not_found", message: "task not found" } });
    const listed = await b.callTool({ name: "list_tasks", arguments: {} });
    expect(listed.structuredContent).toEqual({ tasks: [], total: 0 });

    // A smuggled user id is refused by the tool's schema.
    const smuggled = await b.callTool({ name: "list_tasks", arguments: { user_id: "anyone" } });
    expect(smuggled.isError).toBe(true);

    // The change is visible through REST with A's token.
    const rest = await fetch(`${s.url}/api/me/tasks`, { headers: { authorization: `Bearer ${tokens[0]}` } });
    expect(((await rest.json()) as { tasks: { title: string }[] }).tasks.map((t) => t.title)).toEqual(["From MCP"]);
    await Promise.all([a.close(), b.close()]);
  });

  it("list tools act for the token's user only", async () => {
    const a = await connect(tokens[0]!);
    const made = await a.callTool({ name: "create_list", arguments: { name: "MCP secret list" } });
    expect(made.isError).toBe(false);
    const id = (made.structuredContent as { list: { id: number } }).list.id;
    const b = await connect(tokens[1]!);
    for (const [name, args] of [
      ["update_list", { list: id, name: "pwned" }],
      ["update_list", { list: "MCP secret list", name: "pwned" }],
      ["list_tasks", { list: id }],
      ["add_task", { title: "planted", list: "MCP secret list" }],
    ] as const) {
      const r = await b.callTool({ name, arguments: args });
      expect(r.isError, name).toBe(true);
      expect(r.structuredContent).toMatchObject({ error: { code: "not_found" } });
    }
    const theirs = await b.callTool({ name: "list_lists", arguments: {} });
    expect((theirs.structuredContent as { lists: { name: string }[] }).lists.map((l) => l.name)).toEqual(["Inbox"]);
    const mine = await a.callTool({ name: "list_lists", arguments: {} });
    expect((mine.structuredContent as { lists: { name: string }[] }).lists.map((l) => l.name)).toContain("MCP secret list");
    await Promise.all([a.close(), b.close()]);
  });

  it("answers 401 with WWW-Authenticate naming the resource metadata when the token is missing or bad", async () => {
    for (const headers of [{}, { authorization: "Bearer nope" }] as Record<string, string>[]) {
      const res = await fetch(`${s.url}/mcp`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
      });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain(`resource_metadata="${s.url}/.well-known/oauth-protected-resource/mcp"`);
    }
    const client = new Client({ name: "anon", version: "1.0.0" });
    await expect(client.connect(new StreamableHTTPClientTransport(new URL(`${s.url}/mcp`)))).rejects.toThrow();
  });

  it("describes itself at /.well-known/oauth-protected-resource", async () => {
    const meta = (await (await fetch(`${s.url}/.well-known/oauth-protected-resource`)).json()) as Record<string, unknown>;
    expect(meta).toMatchObject({ resource: `${s.url}/mcp`, authorization_servers: [s.url], bearer_methods_supported: ["header"] });
    expect((await fetch(`${s.url}/mcp`)).status).toBe(401); // GET needs a token too
  });
});
