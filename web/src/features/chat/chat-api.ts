/** Typed calls for the chat (`/api/me/chat`, streamed) and conversation endpoints. */
import { ChatEvent, type Conversation, UNDO_NOTE_MAX } from "#contracts/chat.ts";
import { api, apiResponse } from "../../lib/api.ts";
import { ApiError } from "../../lib/api-client.ts";
import { endpoints } from "../../lib/endpoints.ts";
import { readSse } from "../../lib/sse.ts";

export type ChatTurnRequest = { conversation_id?: string; message: string } | { conversation_id: string; retry: true };

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/**
 * One assistant turn as a stream of events, each parsed with the `ChatEvent`
 * contract (the SSE event name is its `type`); anything else on the stream
 * (keep-alives, event types this app does not know) is skipped. Failures
 * before the stream starts (validation, unknown conversation, rate limit…)
 * throw `ApiError`.
 */
export async function* streamChat(req: ChatTurnRequest, signal?: AbortSignal): AsyncGenerator<ChatEvent> {
  const res = await apiResponse(endpoints.chat, {
    body: { ...req, time_zone: browserTimeZone() },
    accept: "text/event-stream",
    signal,
  });
  if (!res.body) throw new ApiError(res.status, "invalid_response", "The server sent an empty reply.");
  for await (const msg of readSse(res.body)) {
    if (msg.comment) continue;
    let data: unknown;
    try {
      data = JSON.parse(msg.data);
    } catch {
      continue;
    }
    const event = ChatEvent.safeParse(data && typeof data === "object" ? { ...data, type: msg.event } : null);
    if (event.success) yield event.data;
  }
}

export async function listConversations(cursor?: string | null, limit = 30): Promise<ConversationPageData> {
  return api(endpoints.listConversations, { query: { limit, cursor: cursor ?? undefined } });
}
export type ConversationPageData = { conversations: Conversation[]; next_cursor: string | null };

export async function getConversation(id: string, signal?: AbortSignal) {
  return api(endpoints.getConversation, { params: { id }, signal });
}

export async function renameConversation(id: string, title: string): Promise<Conversation> {
  return api(endpoints.renameConversation, { params: { id }, body: { title } });
}

/** Records an Undo made from a chat card, so the conversation's history shows it. */
export async function markToolCallUndone(conversationId: string, callId: string, note: string): Promise<void> {
  await api(endpoints.markToolCallUndone, { params: { id: conversationId, call_id: callId }, body: { note: note.slice(0, UNDO_NOTE_MAX) } });
}

export async function deleteConversation(id: string): Promise<void> {
  try {
    await api(endpoints.deleteConversation, { params: { id } });
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return; // already gone
    throw err;
  }
}
