/** Typed calls for the chat (`/api/me/chat`, streamed) and conversation endpoints. */
import { Conversation, ConversationPage, ConversationWithMessages, type ChatEvent } from "#contracts/chat.ts";
import { ApiError, apiFetch, apiRequest } from "../../lib/api-client.ts";
import { readSse } from "../../lib/sse.ts";

const CHAT = "/api/me/chat";
const CONVERSATIONS = "/api/me/conversations";

export type ChatTurnRequest = { conversation_id?: string; message: string } | { conversation_id: string; retry: true };

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new ApiError(200, "invalid_response", "The server sent data this app doesn't understand.");
  return r.data;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

const EVENT_TYPES = new Set(["conversation", "text-delta", "tool-call", "tool-result", "done", "error"]);

/**
 * One assistant turn as a stream of events. Failures before the stream starts
 * (validation, unknown conversation, rate limit…) throw `ApiError`.
 */
export async function* streamChat(req: ChatTurnRequest, signal?: AbortSignal): AsyncGenerator<ChatEvent> {
  const res = await apiFetch(CHAT, {
    method: "POST",
    body: { ...req, time_zone: browserTimeZone() },
    accept: "text/event-stream",
    signal,
  });
  if (!res.body) throw new ApiError(res.status, "invalid_response", "The server sent an empty reply.");
  for await (const msg of readSse(res.body)) {
    if (msg.comment || !EVENT_TYPES.has(msg.event)) continue;
    let data: unknown;
    try {
      data = JSON.parse(msg.data);
    } catch {
      continue;
    }
    if (data && typeof data === "object") yield { ...(data as object), type: msg.event } as ChatEvent;
  }
}

export async function listConversations(cursor?: string | null, limit = 30): Promise<ConversationPageData> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set("cursor", cursor);
  return parse(ConversationPage, await apiRequest(CONVERSATIONS, { query }));
}
export type ConversationPageData = { conversations: Conversation[]; next_cursor: string | null };

export async function getConversation(id: string, signal?: AbortSignal) {
  return parse(ConversationWithMessages, await apiRequest(`${CONVERSATIONS}/${encodeURIComponent(id)}`, { signal }));
}

export async function renameConversation(id: string, title: string): Promise<Conversation> {
  return parse(Conversation, await apiRequest(`${CONVERSATIONS}/${encodeURIComponent(id)}`, { method: "PATCH", body: { title } }));
}

export async function deleteConversation(id: string): Promise<void> {
  try {
    await apiRequest(`${CONVERSATIONS}/${encodeURIComponent(id)}`, { method: "DELETE" });
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return; // already gone
    throw err;
  }
}
