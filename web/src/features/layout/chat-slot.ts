/**
 * CHAT SLOT — the one place the chat feature plugs into the layout.
 *
 * `ChatPanel` is the chat feature's panel, loaded on first render through
 * `lazy(() => import(...))` so it stays out of the initial bundle, inside its own
 * Suspense boundary (a quiet placeholder shows while the chunk loads).
 */
import { createElement, lazy, Suspense, type ComponentType } from "react";
import type { ChatPanelProps } from "../chat/chat-panel-props.ts";
import { withChatKit } from "../chatkit/with-chatkit.tsx";

const LazyPanel = lazy(() => import("../chat/chat-panel.tsx"));

/** Starts loading the chat code early (e.g. when the "Assistant" button is hovered). */
export const preloadChat = (): void => void import("../chat/chat-panel.tsx");

function Loading() {
  return createElement("div", { className: "chat-slot-loading", role: "status" }, createElement("span", { className: "sr-only" }, "Loading the assistant…"));
}

function SlotPanel(props: ChatPanelProps) {
  return createElement(Suspense, { fallback: createElement(Loading) }, createElement(LazyPanel, props));
}

/** The built-in panel, or OpenAI's ChatKit widget when the server opts in (CHATKIT_DOMAIN_KEY). */
export const ChatPanel: ComponentType<ChatPanelProps> | null = withChatKit(SlotPanel);
