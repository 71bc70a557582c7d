/**
 * One per-user write budget on every surface: REST writes, each MCP tools/call
 * of a mutating tool (each call inside a JSON-RPC batch too) and the assistant's
 * tools spend the same "write" budget. MCP used to bypass it entirely.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

const BUDGET = 5;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_WRITES_PER_MINUTE: String(BUDGET) });
});
afterAll(() => t.close());

interface RpcReply {
  id: number;
  result?: { isError?: boolean; structuredContent?: { error?: { code: string } } };
}

const call = (id: number, name: string, args: unknown) => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } });

async function mcp(user: TestUser, body: unknown): Promise<RpcReply[]> {
  const res = await t.request("/mcp", {
    method: "POST",
    headers: { authorization: user.headers.authorization!, "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  const parsed = (await res.json()) as RpcReply | RpcReply[];
  return Array.isArray(parsed) ? parsed : [parsed];
}
const limited = (r: RpcReply) => r.result?.isError === true && r.result.structuredContent?.error?.code === "rate_limited";

describe("per-user write budget", () => {
  it("counts each MCP tools/call of a mutating tool, and REST shares the budget", async () => {
    const u = await t.signUp("Mcp Writer");
    const singles: RpcReply[] = [];
    for (let i = 0; i < 8; i++) singles.push(...(await mcp(u, call(i, "add_task", { title: `mcp ${i}` }))));
    expect(singles.map(limited)).toEqual([...Array(BUDGET).fill(false), true, true, true]);
    // Reads are free; REST writes are refused from the same budget.
    expect((await mcp(u, call(99, "list_tasks", {})))[0]!.result?.isError).toBe(false);
    expect((await t.api(u, "POST", "/api/me/tasks", { title: "rest" })).status).toBe(429);
    const list = (await (await t.api(u, "GET", "/api/me/tasks?limit=100")).json()) as { tasks: unknown[] };
    expect(list.tasks).toHaveLength(BUDGET);
  });

  it("counts every call inside a JSON-RPC batch", async () => {
    const u = await t.signUp("Batch Writer");
    const replies = await mcp(u, Array.from({ length: 20 }, (_, i) => call(i, "add_task", { title: `batch ${i}` })));
    expect(replies).toHaveLength(20);
    expect(replies.filter((r) => !limited(r))).toHaveLength(BUDGET);
    const list = (await (await t.api(u, "GET", "/api/me/tasks?limit=100")).json()) as { tasks: unknown[] };
    expect(list.tasks).toHaveLength(BUDGET);
  });

  it("spends the budget on REST first, then refuses the MCP write", async () => {
    const u = await t.signUp("Rest Writer");
    for (let i = 0; i < BUDGET; i++) expect((await t.api(u, "POST", "/api/me/tasks", { title: `r${i}` })).status).toBe(201);
    expect(limited((await mcp(u, call(1, "add_task", { title: "one more" })))[0]!)).toBe(true);
  });

  it("counts the assistant's tool writes (chat) against the same budget", async () => {
    const u = await t.signUp("Chat Writer");
    for (let i = 0; i < BUDGET; i++) expect((await t.api(u, "POST", "/api/me/tasks", { title: `c${i}` })).status).toBe(201);
    const res = await t.api(u, "POST", "/api/me/chat", { message: "add buy milk tomorrow" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { tool_calls: { tool: string; result: { error?: { code: string } } }[] };
    expect(body.tool_calls.map((c) => [c.tool, c.result.error?.code])).toEqual([["add_task", "rate_limited"]]);
    const list = (await (await t.api(u, "GET", "/api/me/tasks?limit=100")).json()) as { tasks: unknown[] };
    expect(list.tasks).toHaveLength(BUDGET);
  });
});
