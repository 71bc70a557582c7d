/**
 * The chat endpoint end to end over HTTP (in process), with AI SDK's mock
 * model scripting tool calls: JSON and SSE, persistence, provider failures,
 * retry, conversations API and isolation.
 */
import { APICallError } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatEvent } from "../../src/contracts/chat.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";
import { scriptedModel, type Step } from "../support/scripted-model.ts";

/** Parses an SSE body into its events. */
export async function readSse(res: Response): Promise<{ event: string; data: ChatEvent }[]> {
  const text = await res.text();
  return text
    .split("\n\n")
    .filter((block) => block.includes("data:"))
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = block
        .split("\n")
        .filter((l) => l.startsWith("data: "))
        .map((l) => l.slice(6))
        .join("\n");
      return { event, data: JSON.parse(data) as ChatEvent };
    });
}

const steps: Step[] = [];
const model = scriptedModel(steps);
let t: TestApp;
let u: TestUser;
beforeAll(async () => {
  t = await createTestApp({}, { model });
  u = await t.signUp("Chatter");
});
afterAll(() => t.close());

const script = (...s: Step[]) => steps.splice(0, steps.length, ...s);
const chat = (body: unknown, user = u, sse = false) =>
  t.request("/api/me/chat", {
    method: "POST",
    headers: { ...user.headers, ...(sse ? { accept: "text/event-stream" } : {}) },
    body: JSON.stringify(body),
  });

describe("POST /api/{user_id}/chat", () => {
  it("runs the tool loop and answers JSON with the tool calls and results", async () => {
    model.mock.doStreamCalls.length = 0;
    script({ calls: [{ tool: "add_task", input: { title: "Buy milk", tags: ["errands"] } }] }, { text: "Added “Buy milk” (task 1)." });
    const res = await chat({ message: "add buy milk #errands" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { conversation_id: string; response: string; model: string; tool_calls: unknown[] };
    expect(body.response).toBe("Added “Buy milk” (task 1).");
    expect(body.model).toBe("test:scripted");
    expect(body.tool_calls).toEqual([
      {
        id: expect.any(String),
        undone: null,
        tool: "add_task",
        arguments: { title: "Buy milk", tags: ["errands"] },
        result: { task: { id: 1, title: "Buy milk", status: "pending", priority: "none", tags: ["errands"], due_at: null } },
      },
    ]);
    const tasks = (await (await t.api(u, "GET", "/api/me/tasks")).json()) as { tasks: { title: string }[] };
    expect(tasks.tasks.map((x) => x.title)).toEqual(["Buy milk"]);
    // The system prompt carries the clock; the tools carry no user id.
    const call = model.mock.doStreamCalls[0]!;
    expect(JSON.stringify(call.prompt[0])).toContain("Current time:");
    expect(JSON.stringify(call.tools)).not.toContain("user_id");
  });

  it("streams the same turn as SSE events ending in done", async () => {
    script({ calls: [{ tool: "list_tasks", input: {} }] }, { text: "You have one task: Buy milk (task 1)." });
    const res = await chat({ message: "what do I have?" }, u, true);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const events = await readSse(res);
    const types = events.map((e) => e.data.type);
    expect(types[0]).toBe("conversation");
    expect(types).toContain("tool-call");
    expect(types).toContain("tool-result");
    expect(types.filter((x) => x === "text-delta").length).toBeGreaterThan(3);
    expect(types.at(-1)).toBe("done");
    expect(events.every((e) => e.event === e.data.type)).toBe(true);
    const done = events.at(-1)!.data as Extract<ChatEvent, { type: "done" }>;
    expect(done.response).toBe("You have one task: Buy milk (task 1).");
    const deltas = events.filter((e) => e.data.type === "text-delta").map((e) => (e.data as { text: string }).text);
    expect(deltas.join("")).toBe(done.response);
  });

  it("continues a conversation: the model sees earlier turns, tool calls and results from the database", async () => {
    script({ text: "First answer." });
    const first = (await (await chat({ message: "hello there" })).json()) as { conversation_id: string };
    script({ text: "Second answer." });
    model.mock.doStreamCalls.length = 0;
    const res = await chat({ conversation_id: first.conversation_id, message: "and again" });
    expect(((await res.json()) as { conversation_id: string }).conversation_id).toBe(first.conversation_id);
    const prompt = model.mock.doStreamCalls[0]!.prompt;
    expect(prompt.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    const conv = (await (await t.api(u, "GET", `/api/me/conversations/${first.conversation_id}`)).json()) as {
      title: string;
      messages: { role: string; text: string }[];
    };
    expect(conv.title).toBe("hello there");
    expect(conv.messages.map((m) => [m.role, m.text])).toEqual([
      ["user", "hello there"],
      ["assistant", "First answer."],
      ["user", "and again"],
      ["assistant", "Second answer."],
    ]);
  });

  it("a provider failure is a clear error; the user's message is kept and retry answers it", async () => {
    const failure = new APICallError({
      message: "Service Unavailable",
      url: "https://provider.invalid/v1/chat",
      requestBodyValues: {},
      statusCode: 503,
      isRetryable: false,
    });
    script({ error: failure });
    const res = await chat({ message: "add something" });
    expect(res.status).toBe(502);
    const err = (await res.json()) as { error: { code: string; message: string; details: { conversation_id: string } } };
    expect(err.error.code).toBe("model_unavailable");
    expect(err.error.message).not.toContain("provider.invalid");
    const id = err.error.details.conversation_id;
    let conv = (await (await t.api(u, "GET", `/api/me/conversations/${id}`)).json()) as { messages: { role: string }[] };
    expect(conv.messages.map((m) => m.role)).toEqual(["user"]);

    script({ text: "Sorry about that, done now." });
    const retry = await chat({ conversation_id: id, retry: true });
    expect(retry.status).toBe(200);
    conv = (await (await t.api(u, "GET", `/api/me/conversations/${id}`)).json()) as { messages: { role: string }[] };
    expect(conv.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect((await chat({ conversation_id: id, retry: true })).status).toBe(409);
  });

  it("a provider failure in SSE mode ends with an error event", async () => {
    script({ error: Object.assign(new Error("rate limited"), { statusCode: 429 }) });
    const events = await readSse(await chat({ message: "hi" }, u, true));
    expect(events.at(-1)!.data).toEqual({ type: "error", code: "model_rate_limited", message: expect.any(String) });
  });

  it("refuses bad requests with 4xx and stores nothing", async () => {
    const before = ((await (await t.api(u, "GET", "/api/me/conversations?limit=100")).json()) as { conversations: unknown[] }).conversations.length;
    const cases: [unknown, number][] = [
      [{}, 422],
      [{ message: "" }, 422],
      [{ message: "   " }, 422],
      [{ message: "x".repeat(4001) }, 422],
      [{ message: 42 }, 422],
      [{ message: "hi", user_id: "someone" }, 422],
      [{ message: "hi", conversation_id: "not-a-uuid" }, 422],
      [{ message: "hi", conversation_id: "00000000-0000-4000-8000-000000000000" }, 404],
      [{ message: "hi", time_zone: "Not/AZone" }, 422],
      [{ retry: true }, 422],
    ];
    for (const [body, status] of cases) expect((await chat(body)).status, JSON.stringify(body).slice(0, 60)).toBe(status);
    const after = ((await (await t.api(u, "GET", "/api/me/conversations?limit=100")).json()) as { conversations: unknown[] }).conversations.length;
    expect(after).toBe(before);
  });
});

describe("conversations API", () => {
  it("lists newest first with cursor pagination, renames and deletes", async () => {
    const v = await t.signUp("Lister");
    const ids: string[] = [];
    for (const m of ["one", "two", "three"]) {
      script({ text: `re ${m}` });
      ids.push(((await (await chat({ message: m }, v)).json()) as { conversation_id: string }).conversation_id);
    }
    const page1 = (await (await t.api(v, "GET", "/api/me/conversations?limit=2")).json()) as {
      conversations: { id: string; title: string }[];
      next_cursor: string;
    };
    expect(page1.conversations.map((c) => c.title)).toEqual(["three", "two"]);
    const page2 = (await (await t.api(v, "GET", `/api/me/conversations?limit=2&cursor=${page1.next_cursor}`)).json()) as {
      conversations: { title: string }[];
      next_cursor: string | null;
    };
    expect(page2).toMatchObject({ conversations: [{ title: "one" }], next_cursor: null });

    const renamed = await t.api(v, "PATCH", `/api/me/conversations/${ids[0]}`, { title: "Renamed" });
    expect(await renamed.json()).toMatchObject({ title: "Renamed" });
    expect((await t.api(v, "PATCH", `/api/me/conversations/${ids[0]}`, { title: "" })).status).toBe(422);
    expect((await t.api(v, "DELETE", `/api/me/conversations/${ids[0]}`)).status).toBe(204);
    expect((await t.api(v, "GET", `/api/me/conversations/${ids[0]}`)).status).toBe(404);
  });

  it("keeps an Undo made from a chat card with the conversation, for its owner only", async () => {
    script({ calls: [{ tool: "add_task", input: { title: "Undo me" } }] }, { text: "Added." });
    const turn = (await (await chat({ message: "add undo me" })).json()) as { conversation_id: string; tool_calls: { id: string; undone: unknown }[] };
    const [call] = turn.tool_calls;
    expect(call).toMatchObject({ id: expect.any(String), undone: null });
    const path = `/api/me/conversations/${turn.conversation_id}/tool-calls/${encodeURIComponent(call!.id)}/undone`;

    const marked = await t.api(u, "POST", path, { note: "Removed #9" });
    expect(marked.status).toBe(200);
    const history = (await (await t.api(u, "GET", `/api/me/conversations/${turn.conversation_id}`)).json()) as { messages: { tool_calls: { id: string; undone: { note: string; at: string } | null }[] }[] };
    const stored = history.messages.flatMap((m) => m.tool_calls);
    expect(stored).toEqual([expect.objectContaining({ id: call!.id, undone: { note: "Removed #9", at: expect.any(String) } })]);

    const other = await t.signUp("Undo Snoop");
    expect((await t.api(other, "POST", path, { note: "x" })).status).toBe(404);
    expect((await t.api(u, "POST", `/api/me/conversations/${turn.conversation_id}/tool-calls/nope/undone`, {})).status).toBe(404);
    for (const conv of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) expect((await t.api(u, "POST", `/api/me/conversations/${conv}/tool-calls/${call!.id}/undone`, {})).status).toBe(404);
    const long = await t.api(u, "POST", path, { note: "n".repeat(201) });
    expect(long.status).toBe(422);
    expect(((await long.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
    // Nothing of the other user's tries changed the record.
    const again = (await (await t.api(u, "GET", `/api/me/conversations/${turn.conversation_id}`)).json()) as typeof history;
    expect(again.messages.flatMap((m) => m.tool_calls)[0]!.undone!.note).toBe("Removed #9");
  });

  it("another user can neither read, continue, rename nor delete a conversation, nor tell it exists", async () => {
    script({ text: "private reply" });
    const mine = ((await (await chat({ message: "my secret plan" })).json()) as { conversation_id: string }).conversation_id;
    const other = await t.signUp("Snoop");
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const id of [mine, missing]) {
      expect((await t.api(other, "GET", `/api/me/conversations/${id}`)).status).toBe(404);
      expect((await t.api(other, "PATCH", `/api/me/conversations/${id}`, { title: "x" })).status).toBe(404);
      expect((await t.api(other, "DELETE", `/api/me/conversations/${id}`)).status).toBe(404);
      expect((await chat({ conversation_id: id, message: "hi" }, other)).status).toBe(404);
    }
    expect((await t.api(other, "GET", `/api/${u.id}/conversations`)).status).toBe(403);
    const list = (await (await t.api(other, "GET", "/api/me/conversations")).json()) as { conversations: unknown[] };
    expect(list.conversations).toEqual([]);
    const conv = (await (await t.api(u, "GET", `/api/me/conversations/${mine}`)).json()) as { title: string; messages: unknown[] };
    expect(conv).toMatchObject({ title: "my secret plan" });
    expect(conv.messages).toHaveLength(2);
  });
});
