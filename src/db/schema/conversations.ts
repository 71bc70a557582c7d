/**
 * Chat conversations and their messages. The server keeps no chat state in
 * memory: every turn reads its history from here.
 */
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id").notNull(),
    title: text("title").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Last activity: bumped by every message. */
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("conversations_user_updated_idx").on(t.userId, t.updatedAt, t.id)],
);

export interface StoredToolCall {
  id: string;
  tool: string;
  arguments: unknown;
  result: unknown;
  /** Set when the user undid the change from its chat card. */
  undone?: { at: string; note: string };
}

export const messages = pgTable(
  "messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    role: text("role", { enum: ["user", "assistant"] }).notNull(),
    text: text("text").notNull(),
    toolCalls: jsonb("tool_calls").$type<StoredToolCall[]>().notNull().default([]),
    /** Which model answered (assistant messages). */
    model: text("model"),
    /** "ok" or "error" (an assistant turn that failed keeps its error text). */
    status: text("status", { enum: ["ok", "error"] }).notNull().default("ok"),
    feedback: text("feedback", { enum: ["positive", "negative"] }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("messages_conversation_idx").on(t.conversationId, t.id)],
);
