/**
 * Voice input without React: asks for the microphone, records with
 * MediaRecorder until stopped (or MAX_RECORDING_MS), sends the recording to be
 * transcribed and hands the text on for the composer — never sends a message
 * itself (decision 026). The browser APIs and the upload are injected, so the
 * whole cycle runs in unit tests with fakes.
 */

export type VoicePhase = "idle" | "starting" | "recording" | "transcribing";

export interface VoiceState {
  phase: VoicePhase;
  /** `Date.now()` when recording began (the elapsed time is shown). */
  startedAt: number | null;
  /** What went wrong last, in words for a person; cleared by the next start. */
  error: string | null;
}

/** The part of MediaRecorder this uses (the browser's, or a test's fake). */
export interface RecorderLike {
  readonly mimeType: string;
  ondataavailable: ((e: BlobEvent) => void) | null;
  onstop: ((e: Event) => void) | null;
  start(timeslice?: number): void;
  stop(): void;
}

export interface VoiceDeps {
  getUserMedia: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  createRecorder: (stream: MediaStream, mimeType: string | undefined) => RecorderLike;
  /** A type this browser records, or undefined to let it choose. */
  mimeType: string | undefined;
  transcribe: (audio: Blob, type: string) => Promise<string>;
  onText: (text: string) => void;
  now?: () => number;
}

/** Five minutes of Opus is ~2 MB, well under the server's 10 MB. */
export const MAX_RECORDING_MS = 5 * 60_000;

/** What MediaRecorder can make that the server takes, best first (Chrome/Firefox: webm/ogg Opus; Safari: mp4). */
const PREFERRED = ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/mp4"];

export function pickMimeType(isTypeSupported: (t: string) => boolean): string | undefined {
  return PREFERRED.find((t) => isTypeSupported(t));
}

/** Whether this browser can record at all (MediaRecorder and getUserMedia, in a secure context). */
export function canRecord(): boolean {
  return (
    typeof MediaRecorder !== "undefined" &&
    typeof navigator !== "undefined" &&
    "getUserMedia" in (navigator.mediaDevices ?? {})
  );
}

/** getUserMedia's and MediaRecorder's failures, for a person. */
export function microphoneError(err: unknown): string {
  const name = err instanceof Error || err instanceof DOMException ? err.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") {
    return "Microphone access is blocked. Allow it for this site in your browser's settings to use voice input.";
  }
  if (name === "NotFoundError" || name === "OverconstrainedError")
    return "No microphone was found. Connect one and try again.";
  if (name === "NotReadableError" || name === "AbortError")
    return "The microphone is busy or unavailable. Close other apps using it and try again.";
  return "Couldn't start the microphone. Try again.";
}

/** The transcript after what is already typed, separated by a space. */
export function appendTranscript(draft: string, text: string): string {
  const t = text.trim();
  if (!t) return draft;
  return draft.trim() ? `${draft.replace(/\s+$/, "")} ${t}` : t;
}

export class VoiceRecorder {
  private state: VoiceState = { phase: "idle", startedAt: null, error: null };
  private readonly listeners = new Set<() => void>();
  private stream: MediaStream | null = null;
  private recorder: RecorderLike | null = null;
  private chunks: Blob[] = [];
  private limit: ReturnType<typeof setTimeout> | null = null;
  /** Set when the person stopped (or left) before the microphone was granted. */
  private cancelled = false;

  constructor(private readonly deps: VoiceDeps) {}

  get snapshot(): VoiceState {
    return this.state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<VoiceState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** The button: starts when idle, stops (and transcribes) while recording. */
  toggle(): Promise<void> {
    if (this.state.phase === "idle") return this.start();
    if (this.state.phase === "recording") {
      this.stop();
      return Promise.resolve();
    }
    if (this.state.phase === "starting") this.cancel();
    return Promise.resolve();
  }

  async start(): Promise<void> {
    if (this.state.phase !== "idle") return;
    this.cancelled = false;
    this.set({ phase: "starting", error: null, startedAt: null });
    let stream: MediaStream;
    try {
      stream = await this.deps.getUserMedia({ audio: true });
    } catch (err) {
      if (!this.cancelled) this.set({ phase: "idle", error: microphoneError(err) });
      return;
    }
    if (this.cancelled) {
      release(stream);
      return;
    }
    this.stream = stream;
    this.chunks = [];
    try {
      const recorder = this.deps.createRecorder(stream, this.deps.mimeType);
      recorder.ondataavailable = (e) => {
        if (e.data.size > 0) this.chunks.push(e.data);
      };
      recorder.onstop = () => void this.finish(recorder.mimeType || this.deps.mimeType || "audio/webm");
      recorder.start(1000);
      this.recorder = recorder;
    } catch (err) {
      this.releaseMicrophone();
      this.set({ phase: "idle", error: microphoneError(err) });
      return;
    }
    this.limit = setTimeout(() => this.stop(), MAX_RECORDING_MS);
    this.set({ phase: "recording", startedAt: (this.deps.now ?? Date.now)() });
  }

  /** Ends the recording; the transcript follows through `onText`. */
  stop(): void {
    if (this.state.phase !== "recording" || !this.recorder) return;
    this.set({ phase: "transcribing" });
    this.recorder.stop(); // its last chunk, then onstop → finish
  }

  /** Stops without transcribing (the panel closed): nothing is uploaded. */
  cancel(): void {
    this.cancelled = true;
    if (this.recorder) {
      this.recorder.onstop = null;
      this.recorder.ondataavailable = null;
      try {
        this.recorder.stop();
      } catch {
        /* already inactive */
      }
    }
    this.releaseMicrophone();
    if (this.state.phase !== "idle") this.set({ phase: "idle", startedAt: null });
  }

  private async finish(type: string): Promise<void> {
    this.releaseMicrophone();
    const audio = new Blob(this.chunks, { type });
    this.chunks = [];
    if (audio.size === 0) {
      this.set({ phase: "idle", startedAt: null, error: "Nothing was recorded. Try again." });
      return;
    }
    try {
      const text = await this.deps.transcribe(audio, type);
      if (text.trim()) this.deps.onText(text);
      this.set({
        phase: "idle",
        startedAt: null,
        error: text.trim() ? null : "Didn't catch that. Try again, a little closer to the microphone.",
      });
    } catch (err) {
      this.set({
        phase: "idle",
        startedAt: null,
        error: err instanceof Error && err.message ? err.message : "Couldn't transcribe the recording. Try again.",
      });
    }
  }

  private releaseMicrophone() {
    if (this.limit) clearTimeout(this.limit);
    this.limit = null;
    this.recorder = null;
    if (this.stream) release(this.stream);
    this.stream = null;
  }
}

/** Turns the microphone off (the browser's recording indicator goes away). */
function release(stream: MediaStream) {
  for (const track of stream.getTracks()) track.stop();
}
