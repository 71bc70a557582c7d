/** Tickler conversations and messages as ChatKit threads and thread items. */
import type { Conversation, Message } from "../../contracts/chat.ts";
import type { AssistantMessageItem, ItemsPage, Thread, ThreadItem, UserMessageItem } from "../../contracts/chatkit.ts";
import { itemId } from "./ids.ts";

export const outputText = (text: string) => ({ type: "output_text" as const, text, annotations: [] });

export function userItem(threadId: string, m: Pick<Message, "id" | "text" | "created_at">): UserMessageItem {
  return {
    type: "user_message",
    id: itemId(m.id),
    thread_id: threadId,
    created_at: m.created_at,
    content: [{ type: "input_text", text: m.text }],
    attachments: [],
    inference_options: {},
  };
}

export function assistantItem(threadId: string, id: number, text: string | null, createdAt: string): AssistantMessageItem {
  return {
    type: "assistant_message",
    id: itemId(id),
    thread_id: threadId,
    created_at: createdAt,
    content: text === null ? [] : [outputText(text)],
  };
}

/** A stored message as the widget shows it; tool calls were progress, the reply is the text. */
export function toThreadItem(threadId: string, m: Message): ThreadItem {
  return m.role === "user" ? userItem(threadId, m) : assistantItem(threadId, m.id, m.text, m.created_at);
}

const EMPTY_PAGE: ItemsPage = { data: [], has_more: false };

export function toThread(c: Conversation, items: ItemsPage = EMPTY_PAGE): Thread {
  return { id: c.id, title: c.title, created_at: c.created_at, status: { type: "active" }, items };
}
