/**
 * Conversations and their messages, always scoped by the owner. The chat
 * server is stateless: each turn reads its history from here.
 */
import { and, asc, desc, eq, gt, lt, or, sql } from "drizzle-orm";
import type { Conversation, Message } from "../../contracts/chat.ts";
import { CONVERSATION_TITLE_MAX } from "../../contracts/chat.ts";
import { ConversationCursor } from "../../contracts/cursor.ts";
import type { Db } from "../../db/client.ts";
import { conversations, messages, type StoredToolCall } from "../../db/schema/conversations.ts";
import { deletedAccounts } from "../../db/schema/tasks.ts";
import { accountDeleted, DomainError, notFound } from "../errors.ts";
import { claimRows, type RowLimits } from "../quotas.ts";

type ConversationRow = typeof conversations.$inferSelect;
type MessageRow = typeof messages.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const toConversation = (r: ConversationRow): Conversation => ({
  id: r.id,
  title: r.title,
  created_at: r.createdAt.toISOString(),
  last_activity_at: r.updatedAt.toISOString(),
});

export const toMessage = (r: MessageRow): Message => ({
  id: r.id,
  role: r.role,
  text: r.text,
  tool_calls: r.toolCalls.map(toToolCallRecord),
  model: r.model,
  status: r.status,
  created_at: r.createdAt.toISOString(),
});

export const toToolCallRecord = ({ id, tool, arguments: args, result, undone }: StoredToolCall) => ({ id, tool, arguments: args, result, undone: undone ?? null });

/**
 * Records that the user undid one of the assistant's changes, on the message that
 * holds the call; 404 when this user's conversation has no such call.
 */
export async function markToolCallUndone(db: Db, userId: string, conversationId: string, callId: string, note: string): Promise<{ at: string; note: string }> {
  if (!UUID.test(conversationId)) throw notFound("tool call");
  const undone = { at: new Date().toISOString(), note };
  const rows = await db
    .update(messages)
    .set({
      toolCalls: sql`(
        select jsonb_agg(case when e->>'id' = ${callId} then e || jsonb_build_object('undone', ${JSON.stringify(undone)}::jsonb) else e end order by n)
        from jsonb_array_elements(${messages.toolCalls}) with ordinality as t(e, n))`,
    })
    .where(and(eq(messages.userId, userId), eq(messages.conversationId, conversationId), sql`${messages.toolCalls} @> ${JSON.stringify([{ id: callId }])}::jsonb`))
    .returning({ id: messages.id });
  if (rows.length === 0) throw notFound("tool call");
  return undone;
}

/** A title from the first message: its first line, cut at a word near 60 characters. */
export function deriveTitle(message: string): string {
  const line = message.trim().split("\n")[0]!.replace(/\s+/g, " ");
  if (line.length <= 60) return line || "New conversation";
  const cut = line.slice(0, 60);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 30 ? cut.lastIndexOf(" ") : 60)}…`;
}

const owned = (userId: string, id: string) => and(eq(conversations.userId, userId), eq(conversations.id, id));

export async function getConversation(db: Db, userId: string, id: string): Promise<Conversation> {
  if (!UUID.test(id)) throw notFound("conversation");
  const [row] = await db.select().from(conversations).where(owned(userId, id));
  if (!row) throw notFound("conversation");
  return toConversation(row);
}

export async function createConversation(db: Db, userId: string, title: string, limits: Pick<RowLimits, "conversations">): Promise<Conversation> {
  const id = await db.transaction(async (tx) => {
    await claimRows(tx, userId, "conversations", limits.conversations);
    // Like task creation, refused for an account deleted while its token is still valid.
    const { rows } = (await tx.execute<{ id: string }>(sql`
      insert into ${conversations} (user_id, title)
      select ${userId}, ${title.slice(0, CONVERSATION_TITLE_MAX)}
      where not exists (select 1 from ${deletedAccounts} where user_id = ${userId})
      returning id`)) as { rows: { id: string }[] };
    if (!rows[0]) throw accountDeleted();
    return rows[0].id;
  });
  return getConversation(db, userId, id);
}

/** A new conversation with its first user message, both or neither (a refused message leaves no empty conversation). */
export async function startConversation(
  db: Db,
  userId: string,
  text: string,
  limits: Pick<RowLimits, "conversations" | "messages">,
): Promise<{ conversation: Conversation; message: Message }> {
  return db.transaction(async (tx) => {
    const conversation = await createConversation(tx, userId, deriveTitle(text), limits);
    const message = await appendMessage(tx, userId, conversation.id, { role: "user", text }, limits);
    return { conversation, message };
  });
}

export async function renameConversation(db: Db, userId: string, id: string, title: string): Promise<Conversation> {
  if (!UUID.test(id)) throw notFound("conversation");
  const [row] = await db.update(conversations).set({ title }).where(owned(userId, id)).returning();
  if (!row) throw notFound("conversation");
  return toConversation(row);
}

export async function deleteConversation(db: Db, userId: string, id: string): Promise<void> {
  if (!UUID.test(id)) throw notFound("conversation");
  const [row] = await db.delete(conversations).where(owned(userId, id)).returning({ id: conversations.id });
  if (!row) throw notFound("conversation");
}

/** Where a conversation sits in the list: its last activity and id (the keyset). */
export interface ConversationPosition {
  at: string;
  id: string;
}

export async function conversationPosition(db: Db, userId: string, id: string): Promise<ConversationPosition> {
  const c = await getConversation(db, userId, id);
  return { at: c.last_activity_at, id: c.id };
}

/**
 * One keyset page of the user's conversations by (last activity, id): newest
 * first unless `order` is "asc"; `after` is the previous page's last position.
 * The REST list (opaque cursors) and ChatKit's `threads.list` (thread ids) both
 * page through here.
 */
export async function pageConversations(
  db: Db,
  userId: string,
  { limit, order = "desc", after }: { limit: number; order?: "asc" | "desc" | undefined; after?: ConversationPosition | undefined },
): Promise<{ conversations: Conversation[]; hasMore: boolean }> {
  const where = [eq(conversations.userId, userId)];
  if (after) {
    const key = sql`(${conversations.updatedAt}, ${conversations.id})`;
    const position = sql`(${after.at}::timestamptz, ${after.id}::uuid)`;
    where.push(order === "desc" ? sql`${key} < ${position}` : sql`${key} > ${position}`);
  }
  const dir = order === "desc" ? desc : asc;
  const rows = await db
    .select()
    .from(conversations)
    .where(and(...where))
    .orderBy(dir(conversations.updatedAt), dir(conversations.id))
    .limit(limit + 1);
  return { conversations: rows.slice(0, limit).map(toConversation), hasMore: rows.length > limit };
}

const encodeCursor = (p: ConversationPosition) => Buffer.from(`${p.at}|${p.id}`).toString("base64url");

function decodeCursor(cursor: string): ConversationPosition {
  const parsed = ConversationCursor.safeParse(Buffer.from(cursor, "base64url").toString("utf8").split("|"));
  if (!parsed.success) throw new DomainError("invalid", "invalid_cursor", "cursor is invalid");
  const [at, id] = parsed.data;
  return { at, id };
}

/** The REST list: newest activity first, with an opaque cursor. */
export async function listConversations(
  db: Db,
  userId: string,
  { limit, cursor }: { limit: number; cursor?: string | undefined },
): Promise<{ conversations: Conversation[]; next_cursor: string | null }> {
  const page = await pageConversations(db, userId, { limit, after: cursor ? decodeCursor(cursor) : undefined });
  const last = page.conversations.at(-1);
  return { conversations: page.conversations, next_cursor: page.hasMore && last ? encodeCursor({ at: last.last_activity_at, id: last.id }) : null };
}

export interface NewMessage {
  /** An id taken earlier with `reserveMessageId` (ChatKit names a reply before it is stored). */
  id?: number;
  role: "user" | "assistant";
  text: string;
  toolCalls?: StoredToolCall[];
  model?: string | null;
  status?: "ok" | "error";
}

/**
 * Appends a message and bumps the conversation's last activity, atomically.
 * A user message needs room for itself and its reply under the messages cap,
 * so a reply is never refused after the model (and its tools) ran.
 */
export async function appendMessage(db: Db, userId: string, conversationId: string, m: NewMessage, limits: Pick<RowLimits, "messages">): Promise<Message> {
  return db.transaction(async (tx) => {
    if (m.role === "user") await claimRows(tx, userId, "messages", limits.messages, 2);
    const [conv] = await tx
      .update(conversations)
      .set({ updatedAt: sql`greatest(now(), ${conversations.updatedAt} + interval '1 millisecond')` })
      .where(owned(userId, conversationId))
      .returning({ id: conversations.id });
    if (!conv) throw notFound("conversation");
    const [row] = await tx
      .insert(messages)
      .values({
        ...(m.id === undefined ? {} : { id: m.id }),
        conversationId,
        userId,
        role: m.role,
        text: m.text,
        toolCalls: m.toolCalls ?? [],
        model: m.model ?? null,
        status: m.status ?? "ok",
      })
      .returning();
    return toMessage(row!);
  });
}

/** Takes the next message id from the sequence without storing anything (a gap if never used). */
export async function reserveMessageId(db: Db): Promise<number> {
  const rows = await db.execute<{ id: string | number }>(sql`select nextval(pg_get_serial_sequence('messages', 'id')) as id`);
  const row = (Array.isArray(rows) ? (rows as { id: string | number }[]) : (rows as { rows: { id: string | number }[] }).rows)[0];
  return Number(row!.id);
}

/** Deletes the conversation's messages after `messageId` (retrying from an earlier message). */
export async function deleteMessagesAfter(db: Db, userId: string, conversationId: string, messageId: number): Promise<number> {
  const rows = await db
    .delete(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.userId, userId), gt(messages.id, messageId)))
    .returning({ id: messages.id });
  return rows.length;
}

/** Messages in chronological order; `after` and `order` page through them. */
export async function listMessages(
  db: Db,
  userId: string,
  conversationId: string,
  opts: { limit?: number; after?: number | undefined; order?: "asc" | "desc" } = {},
): Promise<Message[]> {
  await getConversation(db, userId, conversationId);
  const order = opts.order ?? "asc";
  const where = [eq(messages.conversationId, conversationId), eq(messages.userId, userId)];
  if (opts.after !== undefined) where.push(order === "asc" ? gt(messages.id, opts.after) : lt(messages.id, opts.after));
  const rows = await db
    .select()
    .from(messages)
    .where(and(...where))
    .orderBy(order === "asc" ? asc(messages.id) : desc(messages.id))
    .limit(opts.limit ?? 1000);
  return rows.map(toMessage);
}

/** The last `window` messages, oldest first: what the model sees of the past. */
export async function recentMessages(db: Db, userId: string, conversationId: string, window: number): Promise<MessageRow[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.userId, userId)))
    .orderBy(desc(messages.id))
    .limit(window);
  return rows.reverse();
}

export async function setFeedback(db: Db, userId: string, messageIds: number[], feedback: "positive" | "negative"): Promise<void> {
  if (messageIds.length === 0) return;
  await db
    .update(messages)
    .set({ feedback })
    .where(and(eq(messages.userId, userId), or(...messageIds.map((id) => eq(messages.id, id)))));
}
