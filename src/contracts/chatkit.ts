/**
 * The ChatKit server protocol as Tickler speaks it at `POST /api/chatkit`.
 *
 * OpenAI publishes the protocol only as Python (`openai-chatkit`:
 * `chatkit/types.py`); these schemas mirror the parts Tickler accepts and
 * emits, field for field. Requests are lenient objects (unknown fields are
 * dropped, as pydantic does) because the widget comes from a CDN and cannot be
 * pinned; what we emit is exact. `src/assistant/chatkit/type-checks.ts` asserts
 * these shapes against the `@openai/chatkit` type definitions where it has them.
 */
import * as z from "zod";
import { CONVERSATION_TITLE_MAX, MESSAGE_MAX } from "./chat.ts";
import { NO_NUL } from "./text.ts";

// ---------------------------------------------------------------- requests

const ThreadId = z.string().min(1, "thread_id must not be empty").max(200);
const ItemId = z.string().min(1).max(200);
const Metadata = z.record(z.string(), z.unknown()).optional();
/** ChatKit default page size (`DEFAULT_PAGE_SIZE` in the Python server); larger pages are cut to 100. */
export const CHATKIT_PAGE_SIZE = 20;
export const CHATKIT_PAGE_MAX = 100;
const Limit = z
  .number()
  .int()
  .min(1)
  .nullish()
  .transform((n) => Math.min(n ?? CHATKIT_PAGE_SIZE, CHATKIT_PAGE_MAX));
const Order = z
  .enum(["asc", "desc"])
  .nullish()
  .transform((o) => o ?? "desc");
const After = z
  .string()
  .max(500)
  .nullish()
  .transform((a) => a ?? undefined);

export const UserMessageTextContent = z.object({ type: z.literal("input_text"), text: z.string() });
export const UserMessageTagContent = z.object({
  type: z.literal("input_tag"),
  id: z.string(),
  text: z.string(),
  data: z.record(z.string(), z.unknown()).optional(),
  group: z.string().nullish(),
  interactive: z.boolean().optional(),
});
export const UserMessageContent = z.discriminatedUnion("type", [UserMessageTextContent, UserMessageTagContent]);
export type UserMessageContent = z.infer<typeof UserMessageContent>;

export const InferenceOptions = z.object({
  tool_choice: z.object({ id: z.string() }).nullish(),
  model: z.string().nullish(),
});

/** The text Tickler stores for a ChatKit message: its parts joined, a quote first. */
export function messageText(input: { content: UserMessageContent[]; quoted_text?: string | null | undefined }): string {
  const body = input.content
    .map((p) => p.text)
    .join("")
    .trim();
  const quote = input.quoted_text?.trim();
  if (!quote) return body;
  return `${quote
    .split("\n")
    .map((l) => `> ${l}`)
    .join("\n")}\n\n${body}`;
}

export const UserMessageInput = z
  .object({
    content: z.array(UserMessageContent).min(1, "content must not be empty").max(50),
    /** Attachment ids; Tickler accepts none (no attachment store). */
    attachments: z.array(z.string()).max(0, "attachments are not supported").optional().default([]),
    quoted_text: z.string().max(MESSAGE_MAX).nullish(),
    inference_options: InferenceOptions.optional().default({}),
  })
  .refine((i) => messageText(i).length > 0, { message: "the message must not be empty", path: ["content"] })
  .refine((i) => NO_NUL.test(messageText(i)), {
    message: "the message must not contain NUL characters",
    path: ["content"],
  })
  .refine((i) => messageText(i).length <= MESSAGE_MAX, {
    message: `the message must be at most ${MESSAGE_MAX} characters`,
    path: ["content"],
  });
export type UserMessageInput = z.output<typeof UserMessageInput>;

const req = <T extends string, P extends z.ZodType>(type: T, params: P) =>
  z.object({ type: z.literal(type), params, metadata: Metadata });

// Streaming requests (answered with server-sent events)
export const ThreadsCreateReq = req("threads.create", z.object({ input: UserMessageInput }));
export const ThreadsAddUserMessageReq = req(
  "threads.add_user_message",
  z.object({ thread_id: ThreadId, input: UserMessageInput }),
);
export const ThreadsRetryAfterItemReq = req(
  "threads.retry_after_item",
  z.object({ thread_id: ThreadId, item_id: ItemId }),
);
export const ThreadsAddClientToolOutputReq = req(
  "threads.add_client_tool_output",
  z.object({ thread_id: ThreadId, result: z.unknown() }),
);
export const ThreadsCustomActionReq = req(
  "threads.custom_action",
  z.object({
    thread_id: ThreadId,
    item_id: ItemId.nullish(),
    action: z.object({ type: z.string(), payload: z.unknown().optional() }),
  }),
);

// Non-streaming requests (answered with JSON)
export const ThreadsGetByIdReq = req("threads.get_by_id", z.object({ thread_id: ThreadId }));
export const ThreadsListReq = req("threads.list", z.object({ limit: Limit, order: Order, after: After }));
export const ThreadsUpdateReq = req(
  "threads.update",
  z.object({
    thread_id: ThreadId,
    title: z
      .string()
      .trim()
      .min(1, "title must not be empty")
      .max(CONVERSATION_TITLE_MAX)
      .regex(NO_NUL, "title must not contain NUL characters"),
  }),
);
export const ThreadsDeleteReq = req("threads.delete", z.object({ thread_id: ThreadId }));
export const ItemsListReq = req(
  "items.list",
  z.object({ thread_id: ThreadId, limit: Limit, order: Order, after: After }),
);
export const ItemsFeedbackReq = req(
  "items.feedback",
  z.object({
    /** Required by current ChatKit versions; older widgets sent only the item ids. */
    thread_id: ThreadId.optional(),
    item_ids: z.array(ItemId).min(1).max(100),
    kind: z.enum(["positive", "negative"]),
  }),
);
export const AttachmentsCreateReq = req(
  "attachments.create",
  z.object({ name: z.string(), size: z.number(), mime_type: z.string() }),
);
export const AttachmentsDeleteReq = req("attachments.delete", z.object({ attachment_id: z.string() }));
/** Dictation: the recording as base64 (its size is bounded by the route's body limit and TRANSCRIBE_BYTES_MAX). */
export const InputTranscribeReq = req(
  "input.transcribe",
  z.object({
    audio_base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "audio_base64 must be base64"),
    /** Raw MIME type, e.g. "audio/webm;codecs=opus". */
    mime_type: z.string().max(200),
  }),
);

export const STREAMING_TYPES = [
  "threads.create",
  "threads.add_user_message",
  "threads.retry_after_item",
  "threads.add_client_tool_output",
  "threads.custom_action",
] as const;

export const ChatKitRequest = z.discriminatedUnion("type", [
  ThreadsCreateReq,
  ThreadsAddUserMessageReq,
  ThreadsRetryAfterItemReq,
  ThreadsAddClientToolOutputReq,
  ThreadsCustomActionReq,
  ThreadsGetByIdReq,
  ThreadsListReq,
  ThreadsUpdateReq,
  ThreadsDeleteReq,
  ItemsListReq,
  ItemsFeedbackReq,
  AttachmentsCreateReq,
  AttachmentsDeleteReq,
  InputTranscribeReq,
]);
export type ChatKitRequest = z.output<typeof ChatKitRequest>;
export type ChatKitRequestType = ChatKitRequest["type"];
export const REQUEST_TYPES = ChatKitRequest.options.map<ChatKitRequestType>((o) => o.shape.type.value);
export type StreamingRequest = Extract<ChatKitRequest, { type: (typeof STREAMING_TYPES)[number] }>;
export type NonStreamingRequest = Exclude<ChatKitRequest, StreamingRequest>;
export const isStreaming = (r: ChatKitRequest): r is StreamingRequest =>
  (STREAMING_TYPES as readonly string[]).includes(r.type);

/** Just enough to route a request and name it in errors. */
export const ChatKitEnvelope = z.object({
  type: z.string().max(100),
  params: z.unknown().optional(),
  metadata: z.unknown().optional(),
});

// ---------------------------------------------------------------- what we emit

const Timestamp = z.iso.datetime({ offset: true });

export const Page = <T extends z.ZodType>(item: T) =>
  z.strictObject({ data: z.array(item), has_more: z.boolean(), after: z.string().optional() });

export const AssistantMessageContent = z.strictObject({
  type: z.literal("output_text"),
  text: z.string(),
  annotations: z.array(z.never()),
});
export type AssistantMessageContent = z.infer<typeof AssistantMessageContent>;

const ItemBase = { id: z.string().regex(/^msg_\d+$/), thread_id: z.string(), created_at: Timestamp };

export const UserMessageItem = z.strictObject({
  ...ItemBase,
  type: z.literal("user_message"),
  content: z.array(z.strictObject({ type: z.literal("input_text"), text: z.string() })),
  attachments: z.array(z.never()),
  inference_options: z.strictObject({}),
});
export const AssistantMessageItem = z.strictObject({
  ...ItemBase,
  type: z.literal("assistant_message"),
  content: z.array(AssistantMessageContent),
});
export const ThreadItem = z.discriminatedUnion("type", [UserMessageItem, AssistantMessageItem]);
export type UserMessageItem = z.infer<typeof UserMessageItem>;
export type AssistantMessageItem = z.infer<typeof AssistantMessageItem>;
export type ThreadItem = z.infer<typeof ThreadItem>;

export const ItemsPage = Page(ThreadItem);
export type ItemsPage = z.infer<typeof ItemsPage>;

export const Thread = z.strictObject({
  id: z.string(),
  title: z.string().optional(),
  created_at: Timestamp,
  status: z.strictObject({ type: z.literal("active") }),
  items: ItemsPage,
});
export type Thread = z.infer<typeof Thread>;
export const ThreadsPage = Page(Thread);
export type ThreadsPage = z.infer<typeof ThreadsPage>;

/** Icons Tickler uses in progress updates (a subset of ChatKit's `IconName`). */
export const ProgressIcon = z.enum([
  "plus",
  "search",
  "write",
  "check",
  "check-circle",
  "reload",
  "dots-horizontal",
  "document",
]);
export type ProgressIcon = z.infer<typeof ProgressIcon>;

export const ThreadItemUpdate = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("assistant_message.content_part.added"),
    content_index: z.number().int(),
    content: AssistantMessageContent,
  }),
  z.strictObject({
    type: z.literal("assistant_message.content_part.text_delta"),
    content_index: z.number().int(),
    delta: z.string(),
  }),
  z.strictObject({
    type: z.literal("assistant_message.content_part.done"),
    content_index: z.number().int(),
    content: AssistantMessageContent,
  }),
]);
export type ThreadItemUpdate = z.infer<typeof ThreadItemUpdate>;

export const ThreadStreamEvent = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("thread.created"), thread: Thread }),
  z.strictObject({ type: z.literal("thread.updated"), thread: Thread }),
  z.strictObject({ type: z.literal("thread.item.added"), item: ThreadItem }),
  z.strictObject({ type: z.literal("thread.item.updated"), item_id: z.string(), update: ThreadItemUpdate }),
  z.strictObject({ type: z.literal("thread.item.done"), item: ThreadItem }),
  z.strictObject({ type: z.literal("stream_options"), stream_options: z.strictObject({ allow_cancel: z.boolean() }) }),
  z.strictObject({ type: z.literal("progress_update"), icon: ProgressIcon.optional(), text: z.string() }),
  z.strictObject({
    type: z.literal("error"),
    /** "stream.error" is localized by the widget; "custom" shows `message`. */
    code: z.enum(["stream.error", "custom"]),
    message: z.string().optional(),
    allow_retry: z.boolean(),
  }),
]);
export type ThreadStreamEvent = z.infer<typeof ThreadStreamEvent>;

/** `input.transcribe`'s answer (the Python server's `TranscriptionResult`): the text for the composer. */
export const TranscriptionResult = z.strictObject({ text: z.string() });

/** Non-streaming answers with nothing to say (`threads.delete`, `items.feedback`). */
export const EmptyResponse = z.strictObject({});

// ---------------------------------------------------------------- public config

/** `GET /api/config`: what the web app needs before sign-in (the domain key is public by design). */
export const PublicConfig = z.strictObject({
  /** Set when the server has CHATKIT_DOMAIN_KEY: the web app may use OpenAI's ChatKit widget. */
  chatkit: z.strictObject({ domainKey: z.string(), apiUrl: z.string() }).nullable(),
  /** The assistant's model, e.g. "tickler:offline" or "openai:gpt-4o-mini". */
  model: z.string(),
  /** Whether voice input works: a speech-to-text model is configured (decision 026). */
  transcription: z.boolean(),
  /** The server's VAPID public key (base64url) for PushManager.subscribe; null when Web Push is off. */
  vapidPublicKey: z.string().nullable().optional(),
});
export type PublicConfig = z.infer<typeof PublicConfig>;
