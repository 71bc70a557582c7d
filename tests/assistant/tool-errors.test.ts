/**
 * Tools never leak internals, on any surface (chat, MCP, ChatKit): inputs get
 * REST's bounds (task ids are int32), and an unexpected failure inside a tool
 * answers a generic error naming the request id, while the details (SQL,
 * parameters, stack) go to the server log only — not to the model, the MCP
 * client, the widget, or the stored conversation.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ThreadStreamEvent } from "../../src/contracts/chatkit.ts";
import { ToolError } from "../../src/contracts/tool-results.ts";
import { createLogger } from "../../src/http/logger.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

/** What must never reach a client: the failed query, its parameters, driver and stack text. */
const INTERNAL = /select|insert|update "|from "tasks"|params:|\$\d|failed query|relation|tasks_gone|postgres|pglite|drizzle|at [\w.]+ \(|\.ts:\d+/i;

const log: Record<string, unknown>[] = [];
let t: TestApp;
let u: TestUser;
beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: "info" }, { logger: createLogger("info", (line) => log.push(JSON.parse(line) as Record<string, unknown>)) });
  u = await t.signUp("Leaky");
  await t.api(u, "POST", "/api/me/tasks", { title: "A real task" });
});
afterAll(() => t.close());

async function chat(message: string) {
  const res = await t.api(u, "POST", "/api/me/chat", { message });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { conversation_id: string; response: string; tool_calls: { tool: string; result: unknown }[] };
  const stored = await (await t.api(u, "GET", `/api/me/conversations/${body.conversation_id}`)).text();
  return { body, stored, requestId: res.headers.get("x-request-id")! };
}

async function mcp() {
  const client = new Client({ name: "leak-test", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL("http://tickler.test/mcp"), {
      requestInit: { headers: { authorization: `Bearer ${u.token}` } },
      fetch: (url, init) => t.request(new URL(String(url)).pathname, init),
    }),
  );
  return client;
}

async function chatkit(text: string) {
  const res = await t.request("/api/chatkit", {
    method: "POST",
    headers: u.headers,
    body: JSON.stringify({ type: "threads.create", params: { input: { content: [{ type: "input_text", text }], attachments: [], inference_options: {} } } }),
  });
  expect(res.status).toBe(200);
  const raw = await res.text();
  const events = raw
    .split("\n\n")
    .filter((c) => c.trim())
    .map((c) => ThreadStreamEvent.parse(JSON.parse(c.replace(/^data: /gm, ""))));
  const created = events.find((e) => e.type === "thread.created");
  const threadId = created?.type === "thread.created" ? created.thread.id : "";
  const items = await t.request("/api/chatkit", { method: "POST", headers: u.headers, body: JSON.stringify({ type: "items.list", params: { thread_id: threadId } }) });
  return { raw, items: await items.text(), requestId: res.headers.get("x-request-id")! };
}

describe("tool inputs have REST's bounds", () => {
  it("chat: “show task 99999999999” is a clean validation error, in the reply and in the stored conversation", async () => {
    const { body, stored } = await chat("show task 99999999999");
    expect(body.tool_calls).toEqual([
      { id: expect.any(String), undone: null, tool: "get_task", arguments: { id: 99999999999 }, result: { error: { code: "invalid_input", message: "id: task numbers go up to 2147483647" } } },
    ]);
    expect(body.response).toBe("Sorry, that didn't work: id: task numbers go up to 2147483647.");
    expect(stored).not.toMatch(INTERNAL);
    // REST says the same about the same number.
    const rest = await t.api(u, "GET", "/api/me/tasks/99999999999");
    expect(rest.status).toBe(422);
    expect(((await rest.json()) as { error: { message: string } }).error.message).toBe("task id: task numbers go up to 2147483647");
  });

  it("MCP: get_task {id: 1e15} is refused as invalid input, with nothing internal", async () => {
    const client = await mcp();
    const r = await client.callTool({ name: "get_task", arguments: { id: 1_000_000_000_000_000 } });
    expect(r.isError).toBe(true);
    const text = JSON.stringify(r);
    expect(text).toMatch(/2147483647/);
    expect(text).not.toMatch(INTERNAL);
    const bulk = await client.callTool({ name: "delete_tasks", arguments: { ids: [1, 3_000_000_000], confirm: true } });
    expect(bulk.isError).toBe(true);
    expect(JSON.stringify(bulk)).not.toMatch(INTERNAL);
    await client.close();
  });

  it("ChatKit: the same question streams and stores no internals", async () => {
    const { raw, items } = await chatkit("show task 99999999999");
    expect(raw).toMatch(/task numbers go up to 2147483647/);
    expect(raw).not.toMatch(INTERNAL);
    expect(items).not.toMatch(INTERNAL);
  });
});

describe("an unexpected failure inside a tool", () => {
  // A real fault below the tools: the tasks table is gone (the conversations it is stored in stay).
  beforeAll(() => t.tickler.database.db.execute(sql`alter table tasks rename to tasks_gone`));
  afterAll(() => t.tickler.database.db.execute(sql`alter table tasks_gone rename to tasks`));

  const logged = (requestId: string) => log.filter((l) => l.msg === "tool failed" && l.request_id === requestId);

  it("chat: the model, the reply and the stored conversation get only a generic error with the request id", async () => {
    const { body, stored, requestId } = await chat("show task 1");
    const result = ToolError.parse(body.tool_calls[0]!.result);
    expect(result).toEqual({
      error: { code: "tool_failed", message: `the tool failed on the server; try again, or report request id ${requestId}`, request_id: requestId },
    });
    expect(body.response).toContain(requestId);
    expect(JSON.stringify(body)).not.toMatch(INTERNAL);
    expect(stored).not.toMatch(INTERNAL);
    // The details are in the server log, under the same request id.
    expect(logged(requestId)).toEqual([expect.objectContaining({ level: "error", tool: "get_task", error: expect.stringMatching(/tasks/) })]);
  });

  it("MCP: the client gets an isError result with the request id and nothing internal", async () => {
    const client = await mcp();
    const r = await client.callTool({ name: "list_tasks", arguments: {} });
    expect(r.isError).toBe(true);
    const { error } = ToolError.parse(r.structuredContent);
    expect(error).toEqual({ code: "tool_failed", message: `the tool failed on the server; try again, or report request id ${error.request_id}`, request_id: expect.any(String) });
    expect(JSON.stringify(r)).not.toMatch(INTERNAL);
    expect(logged(error.request_id!)).toEqual([expect.objectContaining({ tool: "list_tasks", error: expect.stringMatching(/tasks/) })]);
    await client.close();
  });

  it("ChatKit: the stream and the stored thread carry no internals", async () => {
    const { raw, items, requestId } = await chatkit("show task 1");
    expect(raw).toContain(requestId);
    expect(raw).not.toMatch(INTERNAL);
    expect(items).not.toMatch(INTERNAL);
    expect(logged(requestId)).toHaveLength(1);
  });
});
