/**
 * "Export all my data": the user's profile (as the caller's token states it),
 * tasks, and conversations with their messages, as one JSON document. Read in
 * one repeatable-read transaction so the parts are a consistent snapshot.
 */
import { asc, eq } from "drizzle-orm";
import type { List, Section } from "../../contracts/list.ts";
import type { Task } from "../../contracts/task.ts";
import type { Db } from "../../db/client.ts";
import { conversations, messages, type StoredToolCall } from "../../db/schema/conversations.ts";
import { lists, sections } from "../../db/schema/lists.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { toList, toSection } from "../lists/mapping.ts";
import { toTask } from "../tasks/mapping.ts";
import { withReminders } from "../reminders/service.ts";

/** 2 added lists and sections (1 had tasks only); import reads both. */
export const EXPORT_FORMAT_VERSION = 2;

export interface ExportProfile {
  id: string;
  email: string | null;
  name: string | null;
}

export interface ExportedMessage {
  id: number;
  role: "user" | "assistant";
  text: string;
  tool_calls: StoredToolCall[];
  model: string | null;
  status: "ok" | "error";
  feedback: "positive" | "negative" | null;
  created_at: string;
}

export interface ExportedConversation {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
  messages: ExportedMessage[];
}

export interface AccountExport {
  format_version: number;
  exported_at: string;
  profile: ExportProfile;
  lists: List[];
  sections: Section[];
  tasks: Task[];
  conversations: ExportedConversation[];
}

export async function exportAccount(db: Db, profile: ExportProfile, now = new Date()): Promise<AccountExport> {
  const userId = profile.id;
  return db.transaction(
    async (tx) => {
      const listRows = await tx.select().from(lists).where(eq(lists.userId, userId)).orderBy(asc(lists.position), asc(lists.id));
      const sectionRows = await tx.select().from(sections).where(eq(sections.userId, userId)).orderBy(asc(sections.listId), asc(sections.position));
      const taskRows = await tx.select().from(tasks).where(eq(tasks.userId, userId)).orderBy(asc(tasks.id));
      const convRows = await tx
        .select()
        .from(conversations)
        .where(eq(conversations.userId, userId))
        .orderBy(asc(conversations.createdAt), asc(conversations.id));
      const msgRows = await tx.select().from(messages).where(eq(messages.userId, userId)).orderBy(asc(messages.id));
      const byConversation = new Map<string, ExportedMessage[]>();
      for (const m of msgRows) {
        const list = byConversation.get(m.conversationId) ?? [];
        list.push({
          id: m.id,
          role: m.role,
          text: m.text,
          tool_calls: m.toolCalls,
          model: m.model,
          status: m.status,
          feedback: m.feedback,
          created_at: m.createdAt.toISOString(),
        });
        byConversation.set(m.conversationId, list);
      }
      return {
        format_version: EXPORT_FORMAT_VERSION,
        exported_at: now.toISOString(),
        profile,
        lists: listRows.map(toList),
        sections: sectionRows.map(toSection),
        tasks: await withReminders(tx, userId, taskRows.map(toTask)),
        conversations: convRows.map((c) => ({
          id: c.id,
          title: c.title,
          created_at: c.createdAt.toISOString(),
          updated_at: c.updatedAt.toISOString(),
          messages: byConversation.get(c.id) ?? [],
        })),
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
