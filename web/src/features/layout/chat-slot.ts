/**
 * CHAT SLOT — the one place the chat feature plugs into the layout.
 *
 * The chat engineer sets `ChatPanel` to a component from `web/src/features/chat/`
 * (ideally `lazy(() => import("../chat/chat-panel.tsx"))` so it stays out of the
 * initial bundle). While it is `null`, no panel area is rendered at all.
 */
import type { ComponentType } from "react";

export interface ChatPanelProps {
  /** Call after the assistant changed tasks, so the list and counts reload. */
  onTasksChanged: () => void;
  /** Close the panel (on narrow screens it is shown as an overlay). */
  onClose: () => void;
}

export const ChatPanel: ComponentType<ChatPanelProps> | null = null;
