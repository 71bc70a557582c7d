import { describe, expect, it, vi } from "vitest";
import {
  appendTranscript,
  microphoneError,
  pickMimeType,
  VoiceRecorder,
  type RecorderLike,
  type VoiceDeps,
} from "./voice-recorder.ts";

/** A MediaRecorder stand-in: `stop()` delivers the recorded chunk, then fires onstop, as browsers do. */
class FakeRecorder implements RecorderLike {
  ondataavailable: RecorderLike["ondataavailable"] = null;
  onstop: RecorderLike["onstop"] = null;
  started = false;
  constructor(
    readonly mimeType: string,
    private readonly bytes: number,
  ) {}
  start() {
    this.started = true;
  }
  stop() {
    this.ondataavailable?.({ data: new Blob([new Uint8Array(this.bytes)], { type: this.mimeType }) } as BlobEvent);
    this.onstop?.(new Event("stop"));
  }
}

function setup(over: Partial<VoiceDeps> & { bytes?: number } = {}) {
  const track = { stop: vi.fn() };
  const stream = { getTracks: () => [track] } as unknown as MediaStream;
  const recorders: FakeRecorder[] = [];
  const texts: string[] = [];
  const transcribe = vi.fn((_audio: Blob, _type: string) => Promise.resolve("buy milk tomorrow"));
  const voice = new VoiceRecorder({
    getUserMedia: () => Promise.resolve(stream),
    createRecorder: (_s, type) => {
      const r = new FakeRecorder(type ?? "audio/webm", over.bytes ?? 1200);
      recorders.push(r);
      return r;
    },
    mimeType: "audio/webm;codecs=opus",
    transcribe,
    onText: (t) => texts.push(t),
    ...over,
  });
  const phases: string[] = [];
  voice.subscribe(() => phases.push(voice.snapshot.phase));
  return { voice, track, recorders, texts, transcribe, phases };
}

/** Resolves once the recorder has gone back to idle (transcribed or failed). */
const idle = (voice: VoiceRecorder) =>
  new Promise<void>((resolve) => {
    const off = voice.subscribe(() => {
      if (voice.snapshot.phase === "idle") {
        off();
        resolve();
      }
    });
  });

describe("VoiceRecorder", () => {
  it("records on the first toggle, transcribes on the second and hands the text on, then frees the microphone", async () => {
    const { voice, track, recorders, texts, transcribe, phases } = setup();
    await voice.toggle();
    expect(voice.snapshot.phase).toBe("recording");
    expect(recorders[0]!.started).toBe(true);
    expect(track.stop).not.toHaveBeenCalled();

    const done = idle(voice);
    await voice.toggle();
    await done;
    expect(phases).toEqual(["starting", "recording", "transcribing", "idle"]);
    const [audio, type] = transcribe.mock.calls[0]!;
    expect(type).toBe("audio/webm;codecs=opus");
    expect(audio.size).toBe(1200);
    expect(texts).toEqual(["buy milk tomorrow"]);
    expect(track.stop).toHaveBeenCalled();
    expect(voice.snapshot.error).toBeNull();
  });

  it("says in words when the microphone is blocked or missing, and stays idle", async () => {
    for (const [name, words] of [
      ["NotAllowedError", /blocked/],
      ["NotFoundError", /No microphone/],
    ] as const) {
      const { voice, transcribe } = setup({ getUserMedia: () => Promise.reject(new DOMException("denied", name)) });
      await voice.toggle();
      expect(voice.snapshot).toMatchObject({ phase: "idle", error: expect.stringMatching(words) });
      expect(transcribe).not.toHaveBeenCalled();
    }
  });

  it("shows the server's failure and keeps nothing in the box", async () => {
    const { voice, texts } = setup({
      transcribe: () => Promise.reject(new Error("The speech-to-text provider is having problems; try again.")),
    });
    await voice.toggle();
    const done = idle(voice);
    await voice.toggle();
    await done;
    expect(voice.snapshot.error).toMatch(/provider is having problems/);
    expect(texts).toEqual([]);
  });

  it("uploads nothing for an empty recording or an empty transcript, and says so", async () => {
    const empty = setup({ bytes: 0 });
    await empty.voice.toggle();
    await empty.voice.toggle();
    expect(empty.transcribe).not.toHaveBeenCalled();
    expect(empty.voice.snapshot.error).toMatch(/Nothing was recorded/);

    const silent = setup({ transcribe: () => Promise.resolve("  ") });
    await silent.voice.toggle();
    const done = idle(silent.voice);
    await silent.voice.toggle();
    await done;
    expect(silent.texts).toEqual([]);
    expect(silent.voice.snapshot.error).toMatch(/Didn't catch that/);
  });

  it("cancel (the panel closed) stops the microphone and uploads nothing", async () => {
    const { voice, track, transcribe } = setup();
    await voice.toggle();
    voice.cancel();
    expect(voice.snapshot.phase).toBe("idle");
    expect(track.stop).toHaveBeenCalled();
    expect(transcribe).not.toHaveBeenCalled();
  });
});

describe("voice helpers", () => {
  it("prefers Opus in WebM, then Ogg, then MP4 (Safari)", () => {
    expect(pickMimeType(() => true)).toBe("audio/webm;codecs=opus");
    expect(pickMimeType((t) => t.startsWith("audio/mp4"))).toBe("audio/mp4");
    expect(pickMimeType(() => false)).toBeUndefined();
  });
  it("appends the transcript after what is typed", () => {
    expect(appendTranscript("", " buy milk ")).toBe("buy milk");
    expect(appendTranscript("add  ", "buy milk")).toBe("add buy milk");
    expect(appendTranscript("keep", "   ")).toBe("keep");
  });
  it("names microphone failures for a person", () => {
    expect(microphoneError(new DOMException("x", "NotReadableError"))).toMatch(/busy/);
    expect(microphoneError(new Error("?"))).toMatch(/Couldn't start/);
  });
});
