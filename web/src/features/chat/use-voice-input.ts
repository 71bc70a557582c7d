/** The composer's microphone: shown only when the server transcribes and the browser can record. */
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { api } from "../../lib/api.ts";
import { endpoints } from "../../lib/endpoints.ts";
import { loadServerConfig } from "../../lib/server-config.ts";
import { canRecord, pickMimeType, VoiceRecorder, type VoiceState } from "./voice-recorder.ts";

export interface VoiceInput {
  available: boolean;
  state: VoiceState;
  /** Whole seconds since recording began. */
  elapsed: number;
  toggle: () => void;
}

/** A server message ("the provider is … try again") as a sentence. */
const sentence = (m: string) => {
  const s = m.charAt(0).toUpperCase() + m.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
};

async function transcribe(audio: Blob, type: string): Promise<string> {
  try {
    return (await api(endpoints.transcribe, { raw: { text: audio, type } })).text;
  } catch (err) {
    throw new Error(
      err instanceof Error && err.message ? sentence(err.message) : "Couldn't transcribe the recording. Try again.",
      { cause: err },
    );
  }
}

function useTranscriptionAvailable(): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    let live = true;
    loadServerConfig().then(
      (c) => live && setAvailable(c.transcription && canRecord()),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return available;
}

export function useVoiceInput(onText: (text: string) => void): VoiceInput {
  const available = useTranscriptionAvailable();
  const textRef = useRef(onText);
  textRef.current = onText;
  const [recorder] = useState(
    () =>
      new VoiceRecorder({
        getUserMedia: (c) => navigator.mediaDevices.getUserMedia(c),
        createRecorder: (stream, mimeType) => new MediaRecorder(stream, mimeType ? { mimeType } : undefined),
        mimeType:
          typeof MediaRecorder === "undefined" ? undefined : pickMimeType((t) => MediaRecorder.isTypeSupported(t)),
        transcribe,
        onText: (t) => textRef.current(t),
      }),
  );
  const state = useSyncExternalStore(recorder.subscribe, () => recorder.snapshot);
  useEffect(() => () => recorder.cancel(), [recorder]);

  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (state.phase !== "recording") return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [state.phase]);
  const elapsed = state.startedAt ? Math.max(0, Math.floor((now - state.startedAt) / 1000)) : 0;

  return { available, state, elapsed, toggle: () => void recorder.toggle() };
}
