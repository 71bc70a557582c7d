/** The conversation: questions, replies as they stream, tool cards, errors with Retry. */
import { useEffect, useRef } from "react";
import type { MessageView } from "./chat-types.ts";
import { MarkdownText } from "./markdown.tsx";
import { ToolCard } from "./tool-card.tsx";

interface Props {
  messages: MessageView[];
  busy: boolean;
  onRetry: (messageKey: string) => void;
  onUndo: (messageKey: string, toolKey: string) => void;
  /** Sends a suggestion chip's text as the user's next message. */
  onSuggest: (text: string) => void;
}

export function MessageList({ messages, busy, onRetry, onUndo, onSuggest }: Props) {
  const end = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const last = messages[messages.length - 1];
  const lastSize = last ? last.text.length + last.toolCalls.length * 1000 : 0;

  // Follow the reply as it grows, unless the user scrolled up to read.
  const pinned = useRef(true);
  useEffect(() => {
    if (pinned.current) end.current?.scrollIntoView({ block: "end" });
  }, [messages.length, lastSize]);

  return (
    <div
      className="chat-messages"
      ref={scroller}
      onScroll={(e) => {
        const el = e.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      }}
      data-testid="chat-messages"
      aria-busy={busy || undefined}
      // Scrollable: reachable by keyboard so it can be scrolled without a mouse.
      tabIndex={0}
      role="region"
      aria-label="Messages"
    >
      <ol className="message-list">
        {messages.map((m) => (
          <li key={m.key} className={`message message-${m.role} ${m.status === "error" ? "message-error" : ""}`} data-testid={`message-${m.role}`} data-status={m.status}>
            <span className="sr-only">{m.role === "user" ? "You said:" : "Assistant:"}</span>
            {m.toolCalls.length > 0 && (
              <ul className="tool-cards" aria-label="What the assistant did">
                {m.toolCalls.map((t) => (
                  <ToolCard key={t.key} call={t} onUndo={() => onUndo(m.key, t.key)} />
                ))}
              </ul>
            )}
            {m.text && (
              <div className="message-text" data-testid="message-text">
                {m.role === "assistant" ? <MarkdownText text={m.text} /> : m.text}
              </div>
            )}
            {m === last && m.role === "assistant" && m.status === "ok" && !!m.suggestions?.length && (
              <div className="chat-suggestions" role="group" aria-label="Suggested replies" data-testid="suggestions">
                {m.suggestions.map((text) => (
                  <button key={text} type="button" className="chip" onClick={() => onSuggest(text)} disabled={busy} data-testid="suggestion">
                    {text}
                  </button>
                ))}
              </div>
            )}
            {m.status === "streaming" && !m.text && (
              <div className="typing" data-testid="typing">
                <span className="sr-only">The assistant is thinking…</span>
                <span className="typing-dot" aria-hidden="true" />
                <span className="typing-dot" aria-hidden="true" />
                <span className="typing-dot" aria-hidden="true" />
              </div>
            )}
            {m.status === "error" && (
              <div className="message-failure" data-testid="message-error">
                <span>{m.error ?? "The assistant couldn't answer."}</span>
                {m.retry && (
                  <button type="button" className="btn btn-small" onClick={() => onRetry(m.key)} disabled={busy} data-testid="message-retry">
                    {m.retry.mode === "reload" ? "Reload" : "Retry"}
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
      <div ref={end} />
    </div>
  );
}
