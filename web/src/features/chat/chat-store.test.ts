/**
 * The chat store against a mocked chat API: Retry on an unanswered question
 * that the server meanwhile answered (409 nothing_to_retry, sent before any
 * stream starts) shows that answer and never sends the question again.
 */
import { describe, expect, it, vi } from "vitest";
import type { ChatEvent, Message } from "#contracts/chat.ts";
import { ApiError } from "../../lib/api-client.ts";
import * as chatApi from "./chat-api.ts";
import { chatStore } from "./chat-store.ts";

vi.mock("./chat-api.ts", () => ({ getConversation: vi.fn(), streamChat: vi.fn() }));
const api = vi.mocked(chatApi);

const CONVERSATION = "6f1c2b9e-8a44-4b43-9a3e-2f0f5d7c1a10";
const message = (id: number, role: Message["role"], text: string): Message => ({
  id,
  role,
  text,
  tool_calls: [],
  model: role === "assistant" ? "tickler:offline" : null,
  status: "ok",
  created_at: "2026-12-01T10:00:00.000Z",
});
const conversation = (messages: Message[]) => ({
  id: CONVERSATION,
  title: "show my tasks",
  created_at: "2026-12-01T10:00:00.000Z",
  last_activity_at: "2026-12-01T10:00:00.000Z",
  messages,
});

// eslint-disable-next-line require-yield -- a stream the server refuses before its first event
async function* refused(): AsyncGenerator<ChatEvent> {
  throw new ApiError(409, "nothing_to_retry", "the conversation's last message was answered already");
}

describe("chat store", () => {
  it("a 409 on Retry re-opens the conversation instead of asking the question twice", async () => {
    chatStore.bindUser("user-1");
    chatStore.setTasksChangedHandler(() => {});
    // The page loaded while the question was still unanswered: it offers Retry.
    api.getConversation.mockResolvedValueOnce(conversation([message(1, "user", "show my tasks")]));
    await chatStore.open(CONVERSATION);
    const pending = chatStore.getState().messages.at(-1)!;
    expect(pending).toMatchObject({ role: "assistant", status: "error", retry: { mode: "retry" } });

    // Meanwhile the server answered it; Retry gets 409 before any stream starts.
    api.streamChat.mockImplementation(refused);
    api.getConversation.mockResolvedValueOnce(
      conversation([message(1, "user", "show my tasks"), message(2, "assistant", "You have no tasks.")]),
    );
    chatStore.retry(pending.key);
    await vi.waitFor(() => expect(chatStore.getState().messages.at(-1)?.text).toBe("You have no tasks."));

    const { messages, phase } = chatStore.getState();
    expect(phase).toBe("idle");
    expect(messages.map((m) => [m.role, m.text, m.status])).toEqual([
      ["user", "show my tasks", "ok"],
      ["assistant", "You have no tasks.", "ok"],
    ]);
    // Only the retry went out: the question was never sent again as a new message.
    expect(api.streamChat.mock.calls.map(([req]) => req)).toEqual([{ conversation_id: CONVERSATION, retry: true }]);
  });

  it("keeps a reply's suggestions from the done event, and reads Yes/No back from a stored preview", async () => {
    chatStore.bindUser("user-2");
    chatStore.setTasksChangedHandler(() => {});
    async function* turn(): AsyncGenerator<ChatEvent> {
      yield { type: "conversation", conversation_id: CONVERSATION, title: "asdf", model: "tickler:offline" };
      yield {
        type: "done",
        message_id: 7,
        response: "I didn't understand “asdf”.",
        tool_calls: [],
        suggestions: ["what's due today?"],
      };
    }
    api.streamChat.mockImplementation(turn);
    chatStore.send("asdf");
    await vi.waitFor(() => expect(chatStore.getState().messages.at(-1)?.suggestions).toEqual(["what's due today?"]));

    const preview = {
      id: "c1",
      tool: "update_tasks",
      arguments: { filter: { overdue: true }, priority: "high" },
      result: { preview: true, would_update: [{ id: 1, title: "A" }], total: 1 },
      undone: null,
    };
    api.getConversation.mockResolvedValueOnce(
      conversation([
        message(1, "user", "make all overdue tasks high priority"),
        { ...message(2, "assistant", "Set this task to high priority?"), tool_calls: [preview] },
      ]),
    );
    await chatStore.open(CONVERSATION);
    expect(chatStore.getState().messages.at(-1)?.suggestions).toEqual(["Yes", "No"]);
  });
});
