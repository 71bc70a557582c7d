/**
 * One assistant turn (runTurn's ChatEvents) as ChatKit thread stream events:
 *
 *   stream_options → progress_update per tool call →
 *   thread.item.added (assistant_message, no content) → content_part.added →
 *   text_delta… → content_part.done → thread.item.done (the stored reply).
 *
 * The reply's item id is reserved before the model runs, so the item streamed
 * here is the item `items.list` shows later. On a model failure, whatever
 * runTurn stored (partial text, or tool calls made) is finished as an item,
 * then an `error` event with `allow_retry` lets the widget offer a retry.
 */
import type { ChatEvent } from "../../contracts/chat.ts";
import type { ThreadStreamEvent } from "../../contracts/chatkit.ts";
import { toolProgress } from "../../contracts/tool-specs.ts";
import { itemId } from "./ids.ts";
import { assistantItem, outputText } from "./items.ts";

export interface TurnStream {
  threadId: string;
  /** The reserved id the reply is stored under. */
  replyId: number;
  events: AsyncIterable<ChatEvent>;
  now?: () => Date;
}

/** What an unexpected failure says to the widget: nothing internal (it shows its own localized text). */
export const STREAM_ERROR: ThreadStreamEvent = { type: "error", code: "stream.error", allow_retry: true };

export async function* turnEvents({ threadId, replyId, events, now = () => new Date() }: TurnStream): AsyncGenerator<ThreadStreamEvent> {
  const id = itemId(replyId);
  const createdAt = now().toISOString();
  let started = false;
  let text = "";
  let toolCalls = 0;

  const start = (): ThreadStreamEvent[] => {
    if (started) return [];
    started = true;
    return [
      { type: "thread.item.added", item: assistantItem(threadId, replyId, null, createdAt) },
      { type: "thread.item.updated", item_id: id, update: { type: "assistant_message.content_part.added", content_index: 0, content: outputText("") } },
    ];
  };
  const finish = (final: string): ThreadStreamEvent[] => [
    ...start(),
    { type: "thread.item.updated", item_id: id, update: { type: "assistant_message.content_part.done", content_index: 0, content: outputText(final) } },
    { type: "thread.item.done", item: assistantItem(threadId, replyId, final, createdAt) },
  ];

  yield { type: "stream_options", stream_options: { allow_cancel: false } };
  for await (const e of events) {
    switch (e.type) {
      case "text-delta":
        if (!e.text) break;
        yield* start();
        text += e.text;
        yield { type: "thread.item.updated", item_id: id, update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta: e.text } };
        break;
      case "tool-call":
        toolCalls++;
        // The line the web's tool card shows too, from the tool's spec.
        yield { type: "progress_update", ...toolProgress(e.tool, e.arguments) };
        break;
      case "done":
        yield* finish(e.response);
        return;
      case "error":
        // runTurn stored a reply with status "error" when text or tool calls came first.
        if (text || toolCalls > 0) yield* finish(text || e.message);
        yield { type: "error", code: "custom", message: e.message, allow_retry: true };
        return;
      case "conversation":
      case "tool-result":
        break;
    }
  }
  yield STREAM_ERROR; // the turn ended without done or error
}
