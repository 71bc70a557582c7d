/** The shared chat state for a component, bound to the signed-in user. */
import { useEffect, useSyncExternalStore } from "react";
import { authClient } from "../../lib/auth-client.ts";
import { chatStore } from "./chat-store.ts";
import type { ChatState } from "./chat-types.ts";

const UNBOUND: ChatState = {
  userId: null,
  conversationId: null,
  title: null,
  messages: [],
  phase: "loading",
  loadError: null,
  model: null,
  announcement: "",
  listVersion: 0,
};

export function useChat(onTasksChanged: () => void): ChatState {
  const userId = authClient.useSession().data?.user.id ?? null;
  useEffect(() => {
    if (userId) chatStore.bindUser(userId);
  }, [userId]);
  useEffect(() => chatStore.setTasksChangedHandler(onTasksChanged), [onTasksChanged]);
  const state = useSyncExternalStore(chatStore.subscribe, chatStore.getState);
  // Until the store is bound to this user, never show what it holds (another user's chat).
  return state.userId === userId ? state : UNBOUND;
}
