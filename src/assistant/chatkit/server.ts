/**
 * ChatKit requests → Tickler actions. A ChatKit thread IS a Tickler
 * conversation and its items ARE the stored messages: no second store.
 *
 * Streaming requests do every check and write that can fail with a 4xx
 * (ownership, item lookup, storing the user's message) before their event
 * stream is returned, so the route can still answer JSON errors; after that,
 * only the model turn runs inside the stream.
 */
import type { NonStreamingRequest, StreamingRequest, ThreadStreamEvent } from "../../contracts/chatkit.ts";
import { CHATKIT_PAGE_SIZE, messageText } from "../../contracts/chatkit.ts";
import type { Db } from "../../db/client.ts";
import * as store from "../../domain/conversations/service.ts";
import { DomainError, notFound } from "../../domain/errors.ts";
import type { RowLimits } from "../../domain/quotas.ts";
import type { ChatModel } from "../models/select.ts";
import { transcribe, transcriptionUnavailable, type Transcriber } from "../transcribe.ts";
import { runTurn } from "../run-turn.ts";
import type { ToolContext, WriteBudget } from "../tools/define.ts";
import { messageIdOf } from "./ids.ts";
import { toThread, userItem } from "./items.ts";
import { listItems, listThreads } from "./pages.ts";
import { turnEvents } from "./turn.ts";

export interface ChatKitDeps {
  db: Db;
  model: ChatModel;
  timeoutMs: number;
  onTasksChanged: (userId: string) => void;
  rowLimits: RowLimits;
  reportError?: ToolContext["reportError"];
  writeBudget?: (userId: string) => WriteBudget;
  /** Dictation (`input.transcribe`); absent: none (501). */
  transcriber?: Transcriber;
}

export interface ChatKitContext {
  userId: string;
  /** Named in a tool's unexpected failure (see runTool). */
  requestId?: string | undefined;
  /** IANA zone the user's dates are read in. */
  timeZone: string;
}

const unsupported = (what: string) =>
  new DomainError("invalid", "unsupported_request", `${what} is not supported by this server`);

/** Non-streaming requests: the JSON body of the answer. */
export async function answer(deps: ChatKitDeps, ctx: ChatKitContext, req: NonStreamingRequest): Promise<object> {
  const { db } = deps;
  const { userId } = ctx;
  switch (req.type) {
    case "threads.get_by_id": {
      const conversation = await store.getConversation(db, userId, req.params.thread_id);
      // As the Python server: the first page, oldest first; the widget pages on with items.list.
      const items = await listItems(db, userId, conversation.id, { limit: CHATKIT_PAGE_SIZE, order: "asc" });
      return toThread(conversation, items);
    }
    case "threads.list":
      return listThreads(db, userId, req.params);
    case "threads.update":
      return toThread(await store.renameConversation(db, userId, req.params.thread_id, req.params.title));
    case "threads.delete":
      await store.deleteConversation(db, userId, req.params.thread_id);
      return {};
    case "items.list":
      return listItems(db, userId, req.params.thread_id, req.params);
    case "items.feedback": {
      if (req.params.thread_id !== undefined) await store.getConversation(db, userId, req.params.thread_id);
      // Ids of other users' messages simply match nothing (setFeedback is scoped by user).
      await store.setFeedback(db, userId, req.params.item_ids.map(messageIdOf), req.params.kind);
      return {};
    }
    case "attachments.create":
    case "attachments.delete":
      throw unsupported("attachments");
    case "input.transcribe": {
      if (!deps.transcriber) throw transcriptionUnavailable();
      const audio = Buffer.from(req.params.audio_base64, "base64");
      return { text: await transcribe(deps.transcriber, audio, req.params.mime_type) };
    }
  }
}

/** Streaming requests: checks and writes now, then the events to send. */
export async function openStream(
  deps: ChatKitDeps,
  ctx: ChatKitContext,
  req: StreamingRequest,
): Promise<AsyncIterable<ThreadStreamEvent>> {
  const { db } = deps;
  const { userId } = ctx;
  switch (req.type) {
    case "threads.create": {
      const text = messageText(req.params.input);
      const { conversation, message: user } = await store.startConversation(db, userId, text, deps.rowLimits);
      return prepend(
        [
          { type: "thread.created", thread: toThread(conversation) },
          { type: "thread.item.done", item: userItem(conversation.id, user) },
        ],
        await answerLastMessage(deps, ctx, conversation.id),
      );
    }
    case "threads.add_user_message": {
      const conversation = await store.getConversation(db, userId, req.params.thread_id);
      const text = messageText(req.params.input);
      const user = await store.appendMessage(db, userId, conversation.id, { role: "user", text }, deps.rowLimits);
      return prepend(
        [{ type: "thread.item.done", item: userItem(conversation.id, user) }],
        await answerLastMessage(deps, ctx, conversation.id),
      );
    }
    case "threads.retry_after_item": {
      const conversation = await store.getConversation(db, userId, req.params.thread_id);
      const messageId = messageIdOf(req.params.item_id);
      const [message] = await store.listMessages(db, userId, conversation.id, {
        after: messageId - 1,
        limit: 1,
        order: "asc",
      });
      if (message?.id !== messageId) throw notFound("item");
      if (message.role !== "user") {
        throw new DomainError("invalid", "not_a_user_message", "retry_after_item takes the id of a user message");
      }
      // As the Python server: everything after that message goes, then it is answered again.
      // Task changes the removed replies' tools made stay made.
      await store.deleteMessagesAfter(db, userId, conversation.id, messageId);
      return answerLastMessage(deps, ctx, conversation.id);
    }
    case "threads.add_client_tool_output":
    case "threads.custom_action": {
      await store.getConversation(db, userId, req.params.thread_id);
      const what = req.type === "threads.custom_action" ? "custom actions" : "client tools";
      return prepend(
        [{ type: "error", code: "custom", message: `Tickler's assistant uses no ${what}.`, allow_retry: false }],
        [],
      );
    }
  }
}

/**
 * Runs the model on the conversation's last stored message (runTurn's `retry`
 * mode: "answer the last user message"), the reply under a reserved id.
 */
async function answerLastMessage(
  deps: ChatKitDeps,
  ctx: ChatKitContext,
  conversationId: string,
): Promise<AsyncIterable<ThreadStreamEvent>> {
  const replyId = await store.reserveMessageId(deps.db);
  const turn = runTurn({
    ...deps,
    spendWrite: deps.writeBudget?.(ctx.userId),
    userId: ctx.userId,
    conversationId,
    retry: true,
    replyId,
    timeZone: ctx.timeZone,
    requestId: ctx.requestId,
  });
  // The first step settles the conversation (a 404 now is still a JSON answer).
  const first = await turn.next();
  async function* all() {
    if (!first.done) yield first.value;
    yield* turn;
  }
  return turnEvents({ threadId: conversationId, replyId, events: all() });
}

async function* prepend(
  head: ThreadStreamEvent[],
  tail: AsyncIterable<ThreadStreamEvent> | Iterable<ThreadStreamEvent>,
): AsyncGenerator<ThreadStreamEvent> {
  yield* head;
  yield* tail;
}
