/**
 * Streaming chat turns under stress: a client that goes away mid-stream, and a
 * SIGTERM while a reply streams. Either way the turn is stored whole — never a
 * dangling half message — and a SIGTERM'd server ends the stream cleanly.
 * The model is a real provider client talking to a slow local fake.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai.ts";
import { signUpOverHttp } from "../support/http-user.ts";
import { RAISED_LIMITS } from "../support/limits.ts";
import { spawnServer } from "../support/spawn-server.ts";

const REPLY = "This reply streams slowly, one word at a time, so that the test can interrupt it halfway through.";
const dirs: string[] = [];
let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const serverEnv = (dir: string) => ({
  DATA_DIR: dir,
  BETTER_AUTH_SECRET: "s".repeat(32),
  AI_MODEL: "openai:fake",
  AI_BASE_URL: fake.baseUrl,
  AI_API_KEY: "k",
  ...RAISED_LIMITS,
});

/** Opens an SSE chat turn and resolves once the first text arrives; the rest is read by `rest`. */
async function startTurn(url: string, token: string, signal?: AbortSignal) {
  const res = await fetch(`${url}/api/me/chat`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ message: "tell me something long" }),
    signal,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes("event: text-delta")) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  const conversationId = (JSON.parse(/data: (.*)/.exec(text)![1]!) as { conversation_id: string }).conversation_id;
  const rest = async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return text;
      text += decoder.decode(value, { stream: true });
    }
  };
  return { conversationId, rest };
}

async function messagesOf(url: string, token: string, id: string) {
  const res = await fetch(`${url}/api/me/conversations/${id}`, { headers: { authorization: `Bearer ${token}` } });
  return ((await res.json()) as { messages: { role: string; text: string; status: string }[] }).messages;
}

describe("streaming chat turns", () => {
  it("finishes and stores the whole turn when the client disconnects mid-stream", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tickler-chat-abort-"));
    dirs.push(dir);
    const server = await spawnServer(serverEnv(dir));
    try {
      const user = await signUpOverHttp(server.url, "Leaver");
      fake.replies.push({ text: REPLY, chunkDelayMs: 40 });
      const abort = new AbortController();
      const turn = await startTurn(server.url, user.token, abort.signal);
      abort.abort();
      // The server goes on; within a few seconds the complete reply is stored.
      let messages = await messagesOf(server.url, user.token, turn.conversationId);
      for (let i = 0; i < 50 && messages.length < 2; i++) {
        await new Promise((r) => setTimeout(r, 100));
        messages = await messagesOf(server.url, user.token, turn.conversationId);
      }
      expect(messages).toEqual([
        expect.objectContaining({ role: "user", text: "tell me something long" }),
        expect.objectContaining({ role: "assistant", text: REPLY, status: "ok" }),
      ]);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 60_000); // a spawn, a sign-up with its verification link and a slow turn: generous on a busy machine

  it("on SIGTERM mid-stream, ends the stream cleanly with the full reply, stores it, and exits 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tickler-chat-term-"));
    dirs.push(dir);
    let server = await spawnServer(serverEnv(dir));
    const user = await signUpOverHttp(server.url, "Terminated");
    fake.replies.push({ text: REPLY, chunkDelayMs: 40 });
    const turn = await startTurn(server.url, user.token);
    const exit = server.stop(); // SIGTERM now, while the reply is streaming
    const body = await turn.rest();
    expect(await exit).toBe(0);
    const events = body.split("\n\n").filter((b) => b.startsWith("event:"));
    expect(events.at(-1)).toMatch(/^event: done/);
    const deltas = events
      .filter((e) => e.startsWith("event: text-delta"))
      .map((e) => (JSON.parse(/data: (.*)/.exec(e)![1]!) as { text: string }).text)
      .join("");
    expect(deltas).toBe(REPLY);

    // A new process on the same data sees the stored turn (same session; a fresh token names the new port as issuer).
    server = await spawnServer(serverEnv(dir));
    try {
      const res = await fetch(`${server.url}/api/auth/token`, { headers: { cookie: user.cookie, origin: server.url } });
      const { token } = (await res.json()) as { token: string };
      const messages = await messagesOf(server.url, token, turn.conversationId);
      expect(messages.map((m) => [m.role, m.text])).toEqual([
        ["user", "tell me something long"],
        ["assistant", REPLY],
      ]);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 60_000);
});
