/** The chat and conversation contracts, shared by the server and the web app. */
import * as z from "zod";
import { Suggestions } from "./suggestions.ts";
import { NO_NUL } from "./text.ts";

export const MESSAGE_MAX = 4000;
export const CONVERSATION_TITLE_MAX = 100;

export const ConversationId = z.uuid({ message: "must be a conversation id" });

export const ChatRequest = z
  .strictObject({
    conversation_id: ConversationId.optional(),
    message: z.string().trim().min(1, "message must not be empty").max(MESSAGE_MAX, `message must be at most ${MESSAGE_MAX} characters`).regex(NO_NUL, "message must not contain NUL characters").optional(),
    /** Re-run the assistant on the conversation's last user message (after an error). */
    retry: z.literal(true).optional(),
    /** IANA time zone the user's dates are read in (default UTC). */
    time_zone: z.string().max(64).optional(),
  })
  .refine((r) => (r.retry ? r.conversation_id !== undefined && r.message === undefined : r.message !== undefined), {
    message: "send a message, or retry: true with a conversation_id",
  });
export type ChatRequest = z.input<typeof ChatRequest>;

export const UNDO_NOTE_MAX = 200;
/** A change the user undid from its chat card, kept so history shows what really happened. */
export const ToolCallUndone = z.object({ at: z.string(), note: z.string() });
export const ToolCallRecord = z.object({
  id: z.string(),
  tool: z.string(),
  arguments: z.unknown(),
  result: z.unknown(),
  undone: ToolCallUndone.nullish(),
});
/** `POST …/conversations/{id}/tool-calls/{call_id}/undone`: what the undo did, in a few words. */
export const MarkUndone = z.object({ note: z.string().trim().max(UNDO_NOTE_MAX, `note must be at most ${UNDO_NOTE_MAX} characters`).default("") });
export type ToolCallRecord = z.infer<typeof ToolCallRecord>;

export const ChatResponse = z.object({
  conversation_id: z.string(),
  message_id: z.number().optional(),
  response: z.string(),
  model: z.string(),
  tool_calls: z.array(ToolCallRecord),
  /** Requests to offer as buttons under the reply (Yes/No for a preview); may be empty. */
  suggestions: Suggestions.default([]),
});
export type ChatResponse = z.infer<typeof ChatResponse>;

export const Conversation = z.object({
  id: z.string(),
  title: z.string(),
  created_at: z.string(),
  last_activity_at: z.string(),
});
export type Conversation = z.infer<typeof Conversation>;

export const Message = z.object({
  id: z.number(),
  role: z.enum(["user", "assistant"]),
  text: z.string(),
  tool_calls: z.array(ToolCallRecord),
  model: z.string().nullable(),
  status: z.enum(["ok", "error"]),
  created_at: z.string(),
});
export type Message = z.infer<typeof Message>;

export const ConversationPage = z.object({ conversations: z.array(Conversation), next_cursor: z.string().nullable() });
export const ConversationWithMessages = Conversation.extend({ messages: z.array(Message) });

export const ConversationListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export const ConversationRename = z.strictObject({
  title: z.string().trim().min(1).max(CONVERSATION_TITLE_MAX).regex(NO_NUL, "title must not contain NUL characters"),
});

/**
 * Server-sent events of one chat turn (`Accept: text/event-stream`): the SSE
 * `event:` name is the `type`, the `data:` is the whole object. `tool` is a
 * string, not a ToolName: a model may call a tool that does not exist.
 */
export const ChatEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("conversation"), conversation_id: z.string(), title: z.string(), model: z.string() }),
  z.object({ type: z.literal("text-delta"), text: z.string() }),
  z.object({ type: z.literal("tool-call"), id: z.string(), tool: z.string(), arguments: z.unknown() }),
  z.object({ type: z.literal("tool-result"), id: z.string(), tool: z.string(), result: z.unknown() }),
  z.object({
    type: z.literal("done"),
    message_id: z.number().nullable(),
    response: z.string(),
    tool_calls: z.array(ToolCallRecord),
    suggestions: Suggestions.default([]),
  }),
  z.object({ type: z.literal("error"), code: z.string(), message: z.string() }),
]);
export type ChatEvent = z.infer<typeof ChatEvent>;
