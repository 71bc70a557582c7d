/**
 * The real provider code path (AI SDK's OpenAI-compatible Chat Completions
 * client) against a local fake server that streams tool calls: proves the
 * HTTP client path, and that provider failures become clear errors.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai.ts";

let fake: FakeOpenAI;
let t: TestApp;
let u: TestUser;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  t = await createTestApp({ AI_MODEL: "openai:gpt-fake", AI_BASE_URL: fake.baseUrl, AI_API_KEY: "sk-test-key", AI_TIMEOUT_SECONDS: "10" });
  u = await t.signUp("Provider");
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

const chat = (message: string, conversation_id?: string) =>
  t.api(u, "POST", "/api/me/chat", { message, ...(conversation_id ? { conversation_id } : {}) });

describe("OpenAI-compatible provider", () => {
  it("sends the tools and history, executes streamed tool calls, and stores the streamed reply", async () => {
    fake.replies.push(
      { toolCalls: [{ name: "add_task", arguments: { title: "Buy milk", tags: ["errands"], due_at: "2026-12-01T09:00" } }] },
      { text: "Added “Buy milk” (task 1) for Dec 1 at 9:00." },
    );
    const res = await chat("add buy milk on Dec 1 9am #errands");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response: string; model: string; tool_calls: { tool: string; result: unknown }[] };
    expect(body.model).toBe("openai:gpt-fake");
    expect(body.response).toBe("Added “Buy milk” (task 1) for Dec 1 at 9:00.");
    expect(body.tool_calls).toMatchObject([{ tool: "add_task", result: { task: { id: 1, title: "Buy milk", tags: ["errands"] } } }]);

    const [first, second] = fake.requests.slice(-2);
    expect(first!.headers.authorization).toBe("Bearer sk-test-key");
    expect(first!.body.stream).toBe(true);
    const tools = first!.body.tools as { function: { name: string; parameters: { properties: object } } }[];
    expect(tools.map((x) => x.function.name)).toContain("add_task");
    for (const tool of tools) expect(Object.keys(tool.function.parameters.properties)).not.toContain("user_id");
    const sent = second!.body.messages as { role: string }[];
    expect(sent.map((m) => m.role)).toEqual(["system", "user", "assistant", "tool"]);
  });

  const failures: [string, Parameters<FakeOpenAI["replies"]["push"]>[0], number, string][] = [
    ["a bad key", { status: 401 }, 502, "model_auth_failed"],
    ["rate limiting", { status: 429 }, 502, "model_rate_limited"],
    ["a 5xx", { status: 500 }, 502, "model_unavailable"],
  ];
  for (const [name, reply, status, code] of failures) {
    it(`turns ${name} into ${code}, keeping the user's message`, async () => {
      fake.replies.push(reply, reply); // one retry is allowed (after ~2 s for 429/5xx)
      const res = await chat(`message during ${name}`);
      expect(res.status).toBe(status);
      const err = (await res.json()) as { error: { code: string; message: string; details: { conversation_id: string } } };
      expect(err.error.code).toBe(code);
      expect(JSON.stringify(err)).not.toContain("sk-test-key");
      const conv = (await (await t.api(u, "GET", `/api/me/conversations/${err.error.details.conversation_id}`)).json()) as {
        messages: { role: string; text: string }[];
      };
      expect(conv.messages).toMatchObject([{ role: "user", text: `message during ${name}` }]);
      fake.replies.length = 0;
    });
  }

  it("turns a provider that hangs past AI_TIMEOUT_SECONDS into model_timeout", async () => {
    const slow = await createTestApp({ AI_MODEL: "openai:gpt-fake", AI_BASE_URL: fake.baseUrl, AI_API_KEY: "k", AI_TIMEOUT_SECONDS: "1" });
    try {
      const user = await slow.signUp("Slow");
      fake.replies.push({ delayMs: 10_000 }, { delayMs: 10_000 });
      const started = Date.now();
      const res = await slow.api(user, "POST", "/api/me/chat", { message: "are you there?" });
      expect(res.status).toBe(504);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("model_timeout");
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      fake.replies.length = 0;
      await slow.close();
    }
  });
});
