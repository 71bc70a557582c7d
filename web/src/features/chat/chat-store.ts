/**
 * The chat's state, kept at module level so the side panel and the /chat page
 * share one conversation, and a reply keeps streaming while the panel is closed.
 * It is tied to a user: another user signing in starts from scratch.
 */
import type { ChatEvent, Message } from "#contracts/chat.ts";
import { changesTasks } from "#contracts/tool-specs.ts";
import { ApiError } from "../../lib/api-client.ts";
import { notifyTasksChanged } from "../../lib/tasks-events.ts";
import { replySuggestions } from "#contracts/suggestions.ts";
import { getConversation, markToolCallUndone, streamChat, type ChatTurnRequest } from "./chat-api.ts";
import type { ChatState, MessageView, RetryInfo, ToolCallView } from "./chat-types.ts";
import { undoErrorMessage, undoPlanFor } from "./undo.ts";

const MODEL_KEY = "tickler.chat.model";
const activeKey = (userId: string) => `tickler.chat.active.${userId}`;

function load(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function save(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* storage unavailable (private mode): only this tab remembers */
  }
}

let seq = 0;
const nextKey = (p: string) => `${p}${++seq}`;

const fresh = (userId: string | null, model: string | null, listVersion: number): ChatState => ({
  userId,
  conversationId: null,
  title: null,
  messages: [],
  phase: "idle",
  loadError: null,
  model,
  announcement: "",
  listVersion,
});

let state: ChatState = fresh(null, load(MODEL_KEY), 0);
const listeners = new Set<() => void>();
let stream: AbortController | null = null;
let loading: AbortController | null = null;
let onTasksChanged: () => void = notifyTasksChanged;

function set(patch: Partial<ChatState> | ((s: ChatState) => Partial<ChatState>)): void {
  state = { ...state, ...(typeof patch === "function" ? patch(state) : patch) };
  listeners.forEach((l) => l());
}

function updateMessage(key: string, fn: (m: MessageView) => MessageView): void {
  set((s) => ({ messages: s.messages.map((m) => (m.key === key ? fn(m) : m)) }));
}

function updateToolCall(messageKey: string, toolKey: string, fn: (t: ToolCallView) => ToolCallView): void {
  updateMessage(messageKey, (m) => ({ ...m, toolCalls: m.toolCalls.map((t) => (t.key === toolKey ? fn(t) : t)) }));
}

function fromHistory(m: Message): MessageView {
  return {
    key: `m${m.id}`,
    role: m.role,
    text: m.text,
    status: m.status === "error" ? "error" : "ok",
    error: m.status === "error" ? "The assistant couldn't finish this reply." : undefined,
    // A reloaded preview still offers Yes/No (the only chips that can be read back from history).
    suggestions: m.role === "assistant" && m.status === "ok" ? replySuggestions(m.tool_calls) : undefined,
    // History shows what really happened: an undone change stays undone; the rest can still be undone.
    toolCalls: m.tool_calls.map((t, i) => ({
      key: `m${m.id}t${i}`,
      callId: t.id,
      tool: t.tool,
      args: t.arguments,
      result: t.result,
      undo: t.undone ? { state: "done", note: t.undone.note } : undoPlanFor(t.tool, t.result) ? { state: "ready" } : { state: "none" },
    })),
  };
}

/** A conversation whose last question got no answer offers Retry on it. */
function withPendingRetry(messages: MessageView[], conversationId: string): MessageView[] {
  const last = messages[messages.length - 1];
  if (last?.role === "user") {
    return [
      ...messages,
      {
        key: nextKey("a"),
        role: "assistant",
        text: "",
        toolCalls: [],
        status: "error",
        error: "This question has no answer yet.",
        retry: { mode: "retry", conversationId, text: last.text },
      },
    ];
  }
  if (last?.role === "assistant" && last.status === "error") {
    const question = [...messages].reverse().find((m) => m.role === "user");
    if (question) return messages.map((m) => (m === last ? { ...m, retry: { mode: "resend", conversationId, text: question.text, echo: true } } : m));
  }
  return messages;
}

function failureMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === "rate_limited") {
      const after = (err.details as { retry_after?: number } | undefined)?.retry_after;
      return after ? `You're sending messages too quickly. Try again in ${after} s.` : "You're sending messages too quickly. Try again shortly.";
    }
    if (err.status === 404) return "This conversation no longer exists.";
    return err.message;
  }
  return "Something went wrong. Try again.";
}

const isAbort = (err: unknown) => err instanceof DOMException && err.name === "AbortError";

async function runTurn(req: ChatTurnRequest, assistantKey: string, text: string): Promise<void> {
  stream?.abort();
  const ac = new AbortController();
  stream = ac;
  set({ phase: "streaming", announcement: "" });
  let conversationId = "conversation_id" in req ? (req.conversation_id ?? null) : null;
  let started = false; // the server took the question (it sent the conversation event)
  let producedSomething = false;
  let finished = false;
  let answeredMeanwhile = false;
  const fail = (message: string, retry: RetryInfo) => {
    updateMessage(assistantKey, (m) => ({ ...m, status: "error", error: message, retry }));
    set({ announcement: `The assistant couldn't answer: ${message}` });
  };

  try {
    for await (const e of streamChat(req, ac.signal)) {
      if (ac.signal.aborted) return;
      apply(e);
    }
    // The server finishes and stores the turn anyway: re-open the conversation to see it.
    if (!finished) fail("The connection dropped before the reply finished.", { mode: "reload", conversationId, text });
  } catch (err) {
    if (isAbort(err) || ac.signal.aborted) return;
    // 409 before any stream: the question was answered meanwhile (another tab, or the server
    // finished after the connection dropped). Show that answer; asking again would store the
    // question twice.
    if ("retry" in req && err instanceof ApiError && err.code === "nothing_to_retry") answeredMeanwhile = true;
    else if (started) fail("The connection dropped before the reply finished.", { mode: "reload", conversationId, text });
    // Refused before the question was stored (rate limit, network…): send it again as is.
    else fail(failureMessage(err), { mode: "resend", conversationId: err instanceof ApiError && err.status === 404 ? null : conversationId, text });
  } finally {
    if (stream === ac) {
      stream = null;
      set((s) => ({ phase: s.phase === "streaming" ? "idle" : s.phase, listVersion: s.listVersion + 1 }));
    }
  }
  if (answeredMeanwhile && "retry" in req) await chatStore.open(req.conversation_id);

  function apply(e: ChatEvent): void {
    switch (e.type) {
      case "conversation":
        started = true;
        conversationId = e.conversation_id;
        save(activeKey(state.userId ?? ""), e.conversation_id);
        save(MODEL_KEY, e.model);
        set((s) => ({ conversationId: e.conversation_id, title: e.title, model: e.model, listVersion: s.listVersion + 1 }));
        break;
      case "text-delta":
        producedSomething = true;
        updateMessage(assistantKey, (m) => ({ ...m, text: m.text + e.text }));
        break;
      case "tool-call":
        producedSomething = true;
        updateMessage(assistantKey, (m) => ({
          ...m,
          toolCalls: [...m.toolCalls, { key: e.id, callId: e.id, tool: e.tool, args: e.arguments, result: undefined, undo: { state: "none" } }],
        }));
        break;
      case "tool-result": {
        updateToolCall(assistantKey, e.id, (t) => ({
          ...t,
          result: e.result,
          undo: undoPlanFor(t.tool, e.result) ? { state: "ready" } : { state: "none" },
        }));
        if (changesTasks(e.tool, e.result)) onTasksChanged();
        break;
      }
      case "done":
        finished = true;
        updateMessage(assistantKey, (m) => ({ ...m, text: e.response, status: "ok", suggestions: e.suggestions }));
        set({ announcement: `Assistant: ${e.response}` });
        break;
      case "error":
        finished = true;
        // Tool calls or text already made are stored with the error: asking again adds a new question.
        fail(e.message.charAt(0).toUpperCase() + e.message.slice(1), {
          mode: producedSomething ? "resend" : "retry",
          conversationId,
          text,
          echo: producedSomething,
        });
        break;
    }
  }
}

export const chatStore = {
  getState: (): ChatState => state,
  subscribe: (l: () => void): (() => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  setTasksChangedHandler(fn: () => void): void {
    onTasksChanged = fn;
  },

  /** Binds the store to the signed-in user; re-opens their last conversation. */
  bindUser(userId: string): void {
    if (state.userId === userId) return;
    stream?.abort();
    loading?.abort();
    state = fresh(userId, load(MODEL_KEY), state.listVersion + 1);
    const last = load(activeKey(userId));
    if (last) void chatStore.open(last);
    else listeners.forEach((l) => l());
  },

  async open(id: string): Promise<void> {
    if (state.phase === "streaming") stream?.abort();
    loading?.abort();
    const ac = new AbortController();
    loading = ac;
    set({ conversationId: id, title: null, messages: [], phase: "loading", loadError: null, announcement: "" });
    try {
      const c = await getConversation(id, ac.signal);
      if (ac.signal.aborted) return;
      save(activeKey(state.userId ?? ""), id);
      const model = [...c.messages].reverse().find((m) => m.model)?.model ?? state.model;
      set({ title: c.title, messages: withPendingRetry(c.messages.map(fromHistory), id), phase: "idle", model });
    } catch (err) {
      if (isAbort(err) || ac.signal.aborted) return;
      if (err instanceof ApiError && err.status === 404) {
        save(activeKey(state.userId ?? ""), null);
        set({ conversationId: null, title: null, phase: "idle" });
        return;
      }
      set({ phase: "idle", loadError: failureMessage(err) });
    } finally {
      if (loading === ac) loading = null;
    }
  },

  newConversation(): void {
    stream?.abort();
    loading?.abort();
    save(activeKey(state.userId ?? ""), null);
    set({ conversationId: null, title: null, messages: [], phase: "idle", loadError: null, announcement: "" });
  },

  send(text: string): void {
    const message = text.trim();
    if (!message || state.phase !== "idle") return;
    const assistantKey = nextKey("a");
    const conversationId = state.conversationId;
    set((s) => ({
      messages: [
        ...s.messages,
        { key: nextKey("u"), role: "user", text: message, toolCalls: [], status: "ok" },
        { key: assistantKey, role: "assistant", text: "", toolCalls: [], status: "streaming" },
      ],
    }));
    void runTurn(conversationId ? { conversation_id: conversationId, message } : { message }, assistantKey, message);
  },

  retry: (messageKey: string): void => {
    const failed = state.messages.find((m) => m.key === messageKey);
    const info = failed?.retry;
    if (!failed || !info || state.phase !== "idle") return;
    if (info.mode === "reload" && info.conversationId) {
      void chatStore.open(info.conversationId);
      return;
    }
    if (info.mode === "retry" && info.conversationId) {
      updateMessage(messageKey, (m) => ({ ...m, text: "", toolCalls: [], status: "streaming", error: undefined, retry: undefined }));
      void runTurn({ conversation_id: info.conversationId, retry: true }, messageKey, info.text);
      return;
    }
    // Sent again as a new message; when the server kept the failed attempt, it shows twice (as it is stored).
    const assistantKey = info.echo ? nextKey("a") : messageKey;
    set((s) => ({
      messages: info.echo
        ? [
            ...s.messages,
            { key: nextKey("u"), role: "user", text: info.text, toolCalls: [], status: "ok" },
            { key: assistantKey, role: "assistant", text: "", toolCalls: [], status: "streaming" },
          ]
        : s.messages.map((m) => (m.key === messageKey ? { ...m, text: "", toolCalls: [], status: "streaming", error: undefined, retry: undefined } : m)),
    }));
    if (info.echo) updateMessage(messageKey, (m) => ({ ...m, retry: undefined }));
    const req = info.conversationId ? { conversation_id: info.conversationId, message: info.text } : { message: info.text };
    void runTurn(req, assistantKey, info.text);
  },

  async undo(messageKey: string, toolKey: string): Promise<void> {
    const call = state.messages.find((m) => m.key === messageKey)?.toolCalls.find((t) => t.key === toolKey);
    if (!call || call.undo.state !== "ready") return;
    const plan = undoPlanFor(call.tool, call.result);
    if (!plan) return;
    updateToolCall(messageKey, toolKey, (t) => ({ ...t, undo: { state: "working" } }));
    try {
      const note = await plan.run();
      updateToolCall(messageKey, toolKey, (t) => ({ ...t, undo: { state: "done", note } }));
      // Best effort: the undo itself is done; only the history's record of it could be missing.
      if (state.conversationId) void markToolCallUndone(state.conversationId, call.callId, note).catch(() => undefined);
      set({ announcement: `Undone. ${note}` });
    } catch (err) {
      const note = undoErrorMessage(err);
      updateToolCall(messageKey, toolKey, (t) => ({ ...t, undo: { state: "failed", note } }));
      set({ announcement: `Couldn't undo: ${note}` });
    } finally {
      onTasksChanged();
    }
  },

  /** After a rename in the list: keep the header in step. */
  renamed: (id: string, title: string): void => {
    set((s) => ({ title: s.conversationId === id ? title : s.title, listVersion: s.listVersion + 1 }));
  },

  /** After a delete in the list. */
  deleted: (id: string): void => {
    if (state.conversationId === id) chatStore.newConversation();
    set((s) => ({ listVersion: s.listVersion + 1 }));
  },
};
