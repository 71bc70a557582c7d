/**
 * Fuzzes the assistant's JSON surfaces — chat, conversations, MCP and ChatKit —
 * with generated bodies and headers: never 5xx, errors in the documented shape
 * (JSON-RPC errors for MCP), and afterwards another user's data is untouched.
 * Chat turns run the real tool loop with the offline model.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";
import { bodyText, contentType, encode, extraHeaders, isErrorShape, jsonValue, nastyString, rawBody } from "./arbitraries.ts";

const TIME_LIMIT_MS = 15_000;
let t: TestApp;
let fuzzer: TestUser;
let victim: TestUser;
let victimSnapshot: unknown;
let victimConversation: string;

const snapshot = async () => ({
  tasks: await (await t.api(victim, "GET", "/api/me/tasks?limit=100")).json(),
  conversations: await (await t.api(victim, "GET", `/api/me/conversations/${victimConversation}`)).json(),
});

beforeAll(async () => {
  t = await createTestApp();
  fuzzer = await t.signUp("Fuzzer");
  victim = await t.signUp("Victim");
  await t.api(victim, "POST", "/api/me/tasks", { title: "victim task" });
  const chat = await t.api(victim, "POST", "/api/me/chat", { message: "add victim chat task" });
  victimConversation = ((await chat.json()) as { conversation_id: string }).conversation_id;
  victimSnapshot = await snapshot();
});
afterAll(async () => {
  expect(await snapshot()).toEqual(victimSnapshot);
  await t.close();
});

async function send(path: string, body: string, headers: Record<string, string>) {
  const res = await t.request(path, { method: "POST", headers: { authorization: fuzzer.headers.authorization!, ...headers }, body });
  const text = await bodyText(res);
  return { status: res.status, type: res.headers.get("content-type") ?? "", text };
}

function expectSane(r: Awaited<ReturnType<typeof send>>, where: string) {
  expect(r.status, `${where} → ${r.status} ${r.text.slice(0, 300)}`).toBeLessThan(500);
  if (r.status >= 400 && r.type.includes("json")) expect(isErrorShape(JSON.parse(r.text)), `${where}: ${r.text.slice(0, 200)}`).toBe(true);
}

/** Chat bodies: near-misses of the contract as well as junk. */
const chatBody = fc.oneof(
  fc.record(
    {
      message: fc.oneof(nastyString, fc.constantFrom("add buy milk tomorrow", "what's overdue?", "delete everything I finished", "yes"), jsonValue),
      conversation_id: fc.oneof(nastyString, fc.uuid(), fc.constant(undefined)),
      retry: fc.oneof(fc.constant(true), jsonValue),
      time_zone: fc.oneof(fc.constantFrom("UTC", "Europe/Paris", "Mars/Base"), nastyString),
      user_id: fc.constant("someone-else"),
    },
    { requiredKeys: [] },
  ),
  jsonValue,
);

describe("fuzzing the assistant surfaces", () => {
  it("POST /api/me/chat answers 2xx or 4xx, never 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(chatBody, fc.boolean(), extraHeaders, async (body, sse, headers) => {
        const r = await send("/api/me/chat", JSON.stringify(body), {
          ...headers,
          "content-type": "application/json",
          ...(sse ? { accept: "text/event-stream" } : {}),
        });
        expectSane(r, `chat ${JSON.stringify(body).slice(0, 120)}`);
        if (sse && r.status === 200) expect(r.text).toMatch(/event: (done|error)\n/);
      }),
      {
        numRuns: 400,
        interruptAfterTimeLimit: TIME_LIMIT_MS,
        // Found by CI: an error long enough to be gzipped must still be read as JSON.
        examples: [[{ [" ".repeat(200)]: null, [`${" ".repeat(199)}!`]: null }, false, { "accept-encoding": "gzip" }]],
      },
    );
  });

  it("raw bodies and content types on chat, MCP and ChatKit never cause 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("/api/me/chat", "/mcp", "/api/chatkit"), rawBody, contentType, async (path, body, type) => {
        const r = await send(path, body, {
          ...(type ? { "content-type": type } : {}),
          accept: "application/json, text/event-stream",
        });
        expect(r.status, `${path} ${body.slice(0, 80)} → ${r.text.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: 600, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });

  it("MCP tool calls with generated arguments answer JSON-RPC results or errors, never 5xx", async () => {
    const tools = ["add_task", "list_tasks", "get_task", "update_task", "complete_task", "delete_task", "complete_tasks", "delete_tasks", "no_such_tool"];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...tools), jsonValue, async (name, args) => {
        const r = await send("/mcp", JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } }), {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
        });
        expect(r.status, `${name} ${JSON.stringify(args).slice(0, 100)} → ${r.text.slice(0, 200)}`).toBeLessThan(500);
        if (r.status === 200) {
          const msg = JSON.parse(r.text) as { result?: unknown; error?: unknown };
          expect(msg.result !== undefined || msg.error !== undefined).toBe(true);
        }
      }),
      { numRuns: 500, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });

  it("ChatKit requests with generated types and params answer 2xx or 4xx, never 5xx", async () => {
    const types = ["threads.create", "threads.add_user_message", "threads.retry_after_item", "threads.get_by_id", "threads.list", "threads.update", "threads.delete", "items.list", "items.feedback", "threads.custom_action", "bogus"];
    const params = fc.oneof(
      jsonValue,
      fc.record(
        {
          thread_id: fc.oneof(fc.uuid(), nastyString, fc.constant(victimConversation)),
          item_id: fc.oneof(fc.constantFrom("msg_1", "msg_2", "msg_999999"), nastyString),
          item_ids: fc.array(fc.oneof(fc.constantFrom("msg_1", "msg_2"), nastyString), { maxLength: 3 }),
          kind: fc.constantFrom("positive", "negative", "meh"),
          title: nastyString,
          limit: fc.oneof(fc.integer({ min: -5, max: 500 }), nastyString),
          order: fc.constantFrom("asc", "desc", "sideways"),
          after: nastyString,
          input: fc.oneof(jsonValue, fc.record({ content: fc.array(fc.record({ type: fc.constant("input_text"), text: nastyString }), { maxLength: 3 }) })),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...types), params, async (type, p) => {
        const r = await send("/api/chatkit", JSON.stringify({ type, params: p }), { "content-type": "application/json" });
        expectSane(r, `chatkit ${type} ${JSON.stringify(p).slice(0, 120)}`);
      }),
      { numRuns: 600, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });

  it("conversation routes with generated ids and bodies answer 4xx for junk", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uuid(), nastyString, fc.constant(victimConversation)), jsonValue, async (id, body) => {
        const path = `/api/me/conversations/${encode(id)}`;
        const ask = (method: string, p: string) =>
          t.request(p, { method, headers: fuzzer.headers, body: method === "PATCH" ? JSON.stringify(body) : undefined });
        for (const method of ["GET", "PATCH", "DELETE"]) {
          const res = await ask(method, path);
          expect(res.status, `${method} ${path}`).toBeLessThan(500);
          // Another user's conversation answers exactly like one that does not exist.
          if (id === victimConversation) {
            const nowhere = await ask(method, "/api/me/conversations/00000000-0000-4000-8000-000000000000");
            expect(res.status).toBe(nowhere.status);
          }
        }
      }),
      { numRuns: 300, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });
});
