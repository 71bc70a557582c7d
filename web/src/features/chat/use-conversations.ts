/** The user's conversations, newest activity first, reloaded when the chat says the list changed. */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Conversation } from "#contracts/chat.ts";
import { ApiError } from "../../lib/api-client.ts";
import { listConversations } from "./chat-api.ts";

export interface ConversationsState {
  items: Conversation[];
  nextCursor: string | null;
  status: "loading" | "ready" | "error";
  error: string | null;
}

export function useConversations(version: number, enabled: boolean) {
  const [state, setState] = useState<ConversationsState>({ items: [], nextCursor: null, status: "loading", error: null });
  const seq = useRef(0);

  const reload = useCallback(() => {
    const mine = ++seq.current;
    listConversations()
      .then((page) => mine === seq.current && setState({ items: page.conversations, nextCursor: page.next_cursor, status: "ready", error: null }))
      .catch((err: unknown) => {
        if (mine !== seq.current) return;
        const error = err instanceof ApiError ? err.message : "Couldn't load your conversations.";
        setState((s) => ({ ...s, status: "error", error }));
      });
  }, []);

  useEffect(() => {
    if (enabled) reload();
  }, [version, enabled, reload]);

  const loadMore = useCallback(() => {
    const cursor = state.nextCursor;
    if (!cursor) return;
    const mine = seq.current;
    listConversations(cursor)
      .then((page) => {
        if (mine !== seq.current) return;
        setState((s) => {
          const seen = new Set(s.items.map((c) => c.id));
          return { ...s, items: [...s.items, ...page.conversations.filter((c) => !seen.has(c.id))], nextCursor: page.next_cursor };
        });
      })
      .catch(() => {
        /* the button stays; the user can try again */
      });
  }, [state.nextCursor]);

  /** Local edits after a rename or delete succeeded (the reload confirms them). */
  const patch = useCallback((id: string, change: Partial<Conversation> | null) => {
    setState((s) => ({
      ...s,
      items: change === null ? s.items.filter((c) => c.id !== id) : s.items.map((c) => (c.id === id ? { ...c, ...change } : c)),
    }));
  }, []);

  return { state, reload, loadMore, patch };
}
