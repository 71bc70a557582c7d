/**
 * The message box: Enter sends, Shift+Enter starts a new line; grows with its text.
 * With voice input, a microphone records and puts the transcript here to review.
 */
import { useLayoutEffect, type KeyboardEvent, type RefObject } from "react";
import { MESSAGE_MAX } from "#contracts/chat.ts";
import { LengthCounter, tooLong } from "../../lib/length-counter.tsx";
import { MicIcon, SendIcon, StopIcon } from "./chat-icons.tsx";
import type { VoiceInput } from "./use-voice-input.ts";

interface Props {
  value: string;
  onChange: (v: string) => void;
  onSend: () => void;
  busy: boolean;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  idPrefix: string;
  /** The microphone; hidden unless `voice.available`. */
  voice?: VoiceInput;
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;

/** What the microphone is doing, in words (a polite live region: said once per change, not every second). */
function voiceStatus(voice: VoiceInput): string {
  switch (voice.state.phase) {
    case "starting":
      return "Waiting for the microphone…";
    case "recording":
      return "Recording. Select the microphone to stop.";
    case "transcribing":
      return "Transcribing…";
    default:
      return "";
  }
}

function MicButton({ voice }: { voice: VoiceInput }) {
  const { phase } = voice.state;
  const recording = phase === "recording";
  const transcribing = phase === "transcribing";
  return (
    <button
      type="button"
      className={`composer-mic${recording ? " is-recording" : ""}`}
      onClick={voice.toggle}
      disabled={transcribing}
      aria-pressed={recording}
      aria-busy={transcribing || undefined}
      aria-label="Voice input"
      title={recording ? "Stop recording" : transcribing ? "Transcribing…" : "Voice input: speak your message"}
      data-testid="chat-mic"
      data-phase={phase}
    >
      {transcribing ? (
        <span className="spinner composer-mic-spinner" aria-hidden="true" />
      ) : recording ? (
        <StopIcon />
      ) : (
        <MicIcon />
      )}
    </button>
  );
}

export function Composer({ value, onChange, onSend, busy, inputRef, idPrefix, voice }: Props) {
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
  const mic = voice?.available ? voice : null;
  const status = mic ? voiceStatus(mic) : "";

  return (
    <form
      className={`composer${mic ? " composer-with-voice" : ""}`}
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
      {mic && <MicButton voice={mic} />}
      <button
        type="submit"
        className="composer-send"
        disabled={!canSend}
        aria-label={busy ? "Sending…" : "Send"}
        data-testid="chat-send"
      >
        <SendIcon />
      </button>
      {mic && (
        <p className="composer-voice" data-testid="chat-voice-status">
          {mic.state.phase === "recording" && (
            <span className="composer-voice-clock" aria-hidden="true" data-testid="chat-voice-clock">
              {clock(mic.elapsed)}
            </span>
          )}
          <span role="status">{status}</span>
        </p>
      )}
      {mic?.state.error && (
        <p className="composer-voice-error" role="alert" data-testid="chat-voice-error">
          {mic.state.error}
        </p>
      )}
      <p id={`${idPrefix}-hint`} className="composer-hint" hidden={Boolean(status)}>
        Enter to send · Shift+Enter for a new line{" "}
        <LengthCounter length={length} max={MESSAGE_MAX} testId="chat-length" />
      </p>
    </form>
  );
}
