/** What the chat UI shows: messages with their tool calls, as they stream in or come from history. */

export type UndoState =
  | { state: "none" } // nothing to undo
  | { state: "ready" }
  | { state: "working" }
  | { state: "done"; note: string }
  | { state: "failed"; note: string };

export interface ToolCallView {
  key: string;
  /** The tool call's id, as stored with the conversation. */
  callId: string;
  tool: string;
  args: unknown;
  /** undefined while the tool runs */
  result: unknown;
  undo: UndoState;
}

/**
 * How Retry re-asks: re-run the stored question (`retry: true`), send the text again
 * (`echo`: show it again, because the server kept the first attempt), or re-open the
 * conversation (the connection dropped while the server went on answering).
 */
export interface RetryInfo {
  mode: "retry" | "resend" | "reload";
  conversationId: string | null;
  text: string;
  echo?: boolean;
}

export interface MessageView {
  key: string;
  role: "user" | "assistant";
  text: string;
  toolCalls: ToolCallView[];
  status: "ok" | "streaming" | "error";
  /** Requests offered as buttons under the reply (Yes/No for a preview, the closest actions). */
  suggestions?: string[];
  error?: string;
  retry?: RetryInfo;
}

export interface ChatState {
  userId: string | null;
  conversationId: string | null;
  title: string | null;
  messages: MessageView[];
  /** loading: a conversation's history is on its way; streaming: a reply is. */
  phase: "idle" | "loading" | "streaming";
  loadError: string | null;
  /** The active model's name, e.g. "tickler:offline" (remembered from the last reply). */
  model: string | null;
  /** Text for the polite live region (the last finished reply, or an error). */
  announcement: string;
  /** Bumped when the conversation list may have changed (new, renamed, new activity). */
  listVersion: number;
}
