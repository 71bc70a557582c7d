/**
 * Compile-time checks of Tickler's ChatKit contracts against the types OpenAI
 * publishes in `@openai/chatkit` (a types-only devDependency). That package
 * describes the widget side, so only the shapes both sides share are there:
 * user message content, tool choice, attachments, icons. The event and item
 * shapes exist only in the Python server (`chatkit/types.py`) and are
 * mirrored by the zod schemas in `src/contracts/chatkit.ts`.
 *
 * `tsc --noEmit` fails here when a ChatKit release drifts from what we accept or emit.
 */
import type * as ChatKit from "@openai/chatkit";
import type * as z from "zod";
import type * as C from "../../contracts/chatkit.ts";

type Assert<T extends true> = T;
/** Every A is a B (no distribution over unions). */
type Extends<A, B> = [A] extends [B] ? true : false;

// What the widget sends must pass our request schemas.
export type WidgetContentAccepted = Assert<Extends<ChatKit.UserMessageContent, z.input<typeof C.UserMessageContent>>>;
export type WidgetContentListAccepted = Assert<Extends<ChatKit.UserMessageContent[], z.input<typeof C.UserMessageInput>["content"]>>;
export type WidgetToolChoiceAccepted = Assert<Extends<ChatKit.ToolChoice, NonNullable<z.input<typeof C.InferenceOptions>["tool_choice"]>>>;
export type WidgetModelAccepted = Assert<Extends<ChatKit.ModelOption["id"], NonNullable<z.input<typeof C.InferenceOptions>["model"]>>>;

// What we emit must be what the widget renders.
export type UserContentEmitted = Assert<Extends<C.UserMessageItem["content"][number], ChatKit.UserMessageContent>>;
export type AttachmentsEmitted = Assert<Extends<C.UserMessageItem["attachments"], ChatKit.Attachment[]>>;
export type ProgressIconsEmitted = Assert<Extends<C.ProgressIcon, ChatKit.ChatKitIcon>>;
export type ThreadIdsEmitted = Assert<Extends<C.Thread["id"], NonNullable<ChatKit.ChatKitOptions["initialThread"]>>>;
