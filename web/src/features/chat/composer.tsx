/** The message box: Enter sends, Shift+Enter starts a new line; grows with its text. */
import { useLayoutEffect, type KeyboardEvent, type RefObject } from "react";
import { MESSAGE_MAX } from "#contracts/chat.ts";
import { LengthCounter, tooLong } from "../../lib/length-counter.tsx";
import { SendIcon } from "./chat-icons.tsx";

interface Props {
  value: string;
  onChange: (v: string) => void;
  onSend: () => void;
  busy: boolean;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  idPrefix: string;
}

export function Composer({ value, onChange, onSend, busy, inputRef, idPrefix }: Props) {
  useLayoutEffect(() => {
    const el = inputRef.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, 180)}px`;
  }, [value, inputRef]);

  const length = value.trim().length;
  const over = tooLong(length, MESSAGE_MAX);
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      if (!over) onSend();
    }
  };
  const canSend = length > 0 && !busy && !over;

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        onSend();
      }}
    >
      <label htmlFor={`${idPrefix}-input`} className="sr-only">
        Message the assistant
      </label>
      <textarea
        id={`${idPrefix}-input`}
        ref={inputRef}
        className="composer-input"
        rows={1}
        value={value}
        placeholder="Message the assistant…"
        aria-describedby={`${idPrefix}-hint`}
        aria-invalid={over || undefined}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid="chat-input"
      />
      <button type="submit" className="composer-send" disabled={!canSend} aria-label={busy ? "Sending…" : "Send"} data-testid="chat-send">
        <SendIcon />
      </button>
      <p id={`${idPrefix}-hint`} className="composer-hint">
        Enter to send · Shift+Enter for a new line <LengthCounter length={length} max={MESSAGE_MAX} testId="chat-length" />
      </p>
    </form>
  );
}
