/**
 * Per-user caps on stored rows (tasks, conversations, messages): one cap on
 * every surface (REST, chat tools, MCP, ChatKit), a clear 403 quota_exceeded
 * naming the limit, freed again by deletes, and race-free at the cap.
 * @see issue 14 item 2
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ ROW_LIMIT_TASKS: "3", ROW_LIMIT_CONVERSATIONS: "2", ROW_LIMIT_MESSAGES: "6" });
});
afterAll(() => t.close());

const addTask = (u: TestUser, title: string) => t.api(u, "POST", "/api/me/tasks", { title });
const chat = (u: TestUser, message: string, conversation_id?: string) => t.api(u, "POST", "/api/me/chat", { message, conversation_id });
const mcpAdd = async (u: TestUser, title: string) => {
  const res = await t.request("/mcp", {
    method: "POST",
    headers: { ...u.headers, accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "add_task", arguments: { title } } }),
  });
  return (await res.json()) as { result: { isError?: boolean; structuredContent?: unknown; content: { text: string }[] } };
};
const expectQuota = async (res: Response, resource: string, limit: number) => {
  const text = await res.text();
  expect(res.status, text).toBe(403);
  expect(JSON.parse(text)).toMatchObject({ error: { code: "quota_exceeded", details: { resource, limit } } });
};
const taskCount = async (u: TestUser) => ((await (await t.api(u, "GET", "/api/me/tasks?limit=100")).json()) as { tasks: unknown[] }).tasks.length;
const conversationCount = async (u: TestUser) =>
  ((await (await t.api(u, "GET", "/api/me/conversations?limit=100")).json()) as { conversations: unknown[] }).conversations.length;

describe("tasks", () => {
  it("refuses a create past the cap on REST, MCP and chat alike, and a delete makes room again", async () => {
    const u = await t.signUp("Task Hoarder");
    for (const title of ["a", "b", "c"]) expect((await addTask(u, title)).status).toBe(201);
    await expectQuota(await addTask(u, "d"), "tasks", 3);

    const mcp = await mcpAdd(u, "via mcp");
    expect(mcp.result.isError).toBe(true);
    expect(mcp.result.content[0]!.text).toContain("quota_exceeded");

    const res = await chat(u, "add buy milk");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { tool_calls: { tool: string; result: { error?: { code: string } } }[] };
    expect(body.tool_calls.map((c) => [c.tool, c.result.error?.code])).toEqual([["add_task", "quota_exceeded"]]);
    expect(await taskCount(u)).toBe(3);

    expect((await t.api(u, "DELETE", "/api/me/tasks/1")).status).toBe(204);
    const d = await addTask(u, "d");
    expect(d.status).toBe(201);
    // The refused creates (REST, MCP, chat) rolled their number back: numbering goes on without a gap.
    expect(((await d.json()) as { id: number }).id).toBe(4);
    await expectQuota(await addTask(u, "e"), "tasks", 3);
  });

  it("lets exactly one of many racing creates take the last place", async () => {
    const u = await t.signUp("Racer");
    for (const title of ["a", "b"]) expect((await addTask(u, title)).status).toBe(201);
    const statuses = await Promise.all(Array.from({ length: 6 }, (_, i) => addTask(u, `race ${i}`).then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 403)).toHaveLength(5);
    expect(await taskCount(u)).toBe(3);
  });

  it("is per user: one user at the cap does not limit another", async () => {
    const [a, b] = await Promise.all([t.signUp("Full"), t.signUp("Empty")]);
    for (const title of ["a", "b", "c"]) expect((await addTask(a, title)).status).toBe(201);
    await expectQuota(await addTask(a, "d"), "tasks", 3);
    expect((await addTask(b, "a")).status).toBe(201);
  });
});

describe("conversations and messages", () => {
  it("refuses a new conversation past the cap without storing anything, and deleting one frees it", async () => {
    const u = await t.signUp("Talker");
    const first = (await (await chat(u, "what's overdue?")).json()) as { conversation_id: string };
    expect((await chat(u, "what's due today?")).status).toBe(200);
    await expectQuota(await chat(u, "and tomorrow?"), "conversations", 2);
    expect(await conversationCount(u)).toBe(2);

    const chatkit = await t.request("/api/chatkit", {
      method: "POST",
      headers: u.headers,
      body: JSON.stringify({ type: "threads.create", params: { input: { content: [{ type: "input_text", text: "hi" }], attachments: [], inference_options: {} } } }),
    });
    await expectQuota(chatkit, "conversations", 2);
    expect(await conversationCount(u)).toBe(2);

    expect((await t.api(u, "DELETE", `/api/me/conversations/${first.conversation_id}`)).status).toBe(204);
    expect((await chat(u, "and tomorrow?")).status).toBe(200);
  });

  it("refuses a message that would leave no room for its reply; deleting the conversation frees its messages", async () => {
    const u = await t.signUp("Chatter");
    const { conversation_id } = (await (await chat(u, "what's overdue?")).json()) as { conversation_id: string };
    expect((await chat(u, "what's due today?", conversation_id)).status).toBe(200);
    expect((await chat(u, "anything else?", conversation_id)).status).toBe(200);
    // 6 stored messages (3 questions, 3 answers): the fourth question has no room.
    await expectQuota(await chat(u, "one more", conversation_id), "messages", 6);
    const chatkit = await t.request("/api/chatkit", {
      method: "POST",
      headers: u.headers,
      body: JSON.stringify({
        type: "threads.add_user_message",
        params: { thread_id: conversation_id, input: { content: [{ type: "input_text", text: "hi" }], attachments: [], inference_options: {} } },
      }),
    });
    await expectQuota(chatkit, "messages", 6);
    const stored = (await (await t.api(u, "GET", `/api/me/conversations/${conversation_id}`)).json()) as { messages: unknown[] };
    expect(stored.messages).toHaveLength(6);

    // The messages went with the conversation (a cascade), so a new conversation has room again.
    expect((await t.api(u, "DELETE", `/api/me/conversations/${conversation_id}`)).status).toBe(204);
    expect((await chat(u, "hello again")).status).toBe(200);
  });
});
