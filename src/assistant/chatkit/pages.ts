/**
 * ChatKit pages (`{ data, has_more, after }`) over the domain's own paging.
 * Threads are ordered by last activity (the REST conversation list's order),
 * items by message id; `after` is the last thread or item id of the previous page.
 */
import type { ItemsPage, ThreadsPage } from "../../contracts/chatkit.ts";
import type { Db } from "../../db/client.ts";
import * as store from "../../domain/conversations/service.ts";
import { DomainError } from "../../domain/errors.ts";
import { itemId, parseItemId } from "./ids.ts";
import { toThread, toThreadItem } from "./items.ts";

export interface PageQuery {
  limit: number;
  order: "asc" | "desc";
  after?: string | undefined;
}

const invalidCursor = () => new DomainError("invalid", "invalid_cursor", "after is not an id from this list");

/** Where a thread sits in the list: `after` is a thread id, as in the Python server's stores. */
async function threadPosition(db: Db, userId: string, threadId: string): Promise<store.ConversationPosition> {
  try {
    return await store.conversationPosition(db, userId, threadId);
  } catch (err) {
    // Gone, or never the user's: the same answer either way.
    throw err instanceof DomainError && err.kind === "not_found" ? invalidCursor() : err;
  }
}

export async function listThreads(db: Db, userId: string, { limit, order, after }: PageQuery): Promise<ThreadsPage> {
  const position = after ? await threadPosition(db, userId, after) : undefined;
  const page = await store.pageConversations(db, userId, { limit, order, after: position });
  const last = page.conversations.at(-1);
  return { data: page.conversations.map((c) => toThread(c)), has_more: page.hasMore, ...(page.hasMore && last ? { after: last.id } : {}) };
}

/** A page of a thread's items; throws "conversation not found" for a thread that is not the user's. */
export async function listItems(db: Db, userId: string, threadId: string, { limit, order, after }: PageQuery): Promise<ItemsPage> {
  let afterId: number | undefined;
  if (after) {
    afterId = parseItemId(after);
    if (afterId === undefined) throw invalidCursor();
  }
  const rows = await store.listMessages(db, userId, threadId, { limit: limit + 1, order, after: afterId });
  const page = rows.slice(0, limit);
  const has_more = rows.length > limit;
  const last = page.at(-1);
  return {
    data: page.map((m) => toThreadItem(threadId, m)),
    has_more,
    ...(has_more && last ? { after: itemId(last.id) } : {}),
  };
}
