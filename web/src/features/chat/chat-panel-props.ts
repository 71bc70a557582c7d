/**
 * What the layout gives a chat panel. Both panels implement it: the built-in
 * one (chat-panel.tsx) and OpenAI's ChatKit widget (features/chatkit); the
 * layout's chat slot only plugs one of them in.
 */
export interface ChatPanelProps {
  /** Call after the assistant changed tasks, so the list and counts reload. */
  onTasksChanged: () => void;
  /** Close the panel (on narrow screens it is shown as an overlay). */
  onClose: () => void;
  /** Move focus into the message box when it appears (it was opened on purpose). */
  autoFocus?: boolean;
}
