/**
 * Voice input's one code path: audio in, the transcript out, through the AI
 * SDK's `transcribe` and the configured transcription model. The REST route
 * (`POST /api/{user_id}/chat/transcribe`) and ChatKit's `input.transcribe` both
 * call `transcribe`, so size, type, model and failure rules are the same on
 * each surface. Errors already carry their HTTP status (decision 026).
 */
import { transcribe as sdkTranscribe } from "ai";
import { audioMediaType, TRANSCRIBE_BYTES_MAX, TRANSCRIBE_MEDIA_TYPES } from "../contracts/transcription.ts";
import { HttpError } from "../http/errors.ts";
import type { TranscriptionConfig } from "./models/transcriber.ts";
import { describeProviderError } from "./run-turn.ts";

export interface Transcriber {
  /** The configured model, or null: voice input is off and every call answers 501. */
  config: TranscriptionConfig | null;
  timeoutMs: number;
  /** Receives the provider's failure in full (the client gets a code and a plain message only). */
  reportError?: (err: unknown, fields: Record<string, unknown>) => void;
}

const MESSAGES: Record<string, string> = {
  model_timeout: "transcribing took too long; try a shorter recording",
  model_auth_failed: "the speech-to-text provider refused our API key",
  model_rate_limited: "the speech-to-text provider is rate limiting us; try again in a moment",
  model_unavailable: "the speech-to-text provider is having problems; try again",
};

export const transcriptionUnavailable = () =>
  new HttpError(501, "transcription_unavailable", "this server has no speech-to-text model (voice input is off)");

/**
 * What was said in `audio`, a recording of `contentType` (e.g. "audio/webm;codecs=opus").
 * Checks come first and cost nothing upstream: a model, a known type, a size.
 */
export async function transcribe(
  t: Transcriber,
  audio: Uint8Array,
  contentType: string | null | undefined,
): Promise<string> {
  if (!t.config) throw transcriptionUnavailable();
  const mediaType = audioMediaType(contentType);
  if (!mediaType) {
    throw new HttpError(
      415,
      "unsupported_media_type",
      `send the recording as one of ${TRANSCRIBE_MEDIA_TYPES.join(", ")}`,
    );
  }
  if (audio.byteLength > TRANSCRIBE_BYTES_MAX) throw tooLarge();
  if (audio.byteLength === 0) throw new HttpError(422, "empty_audio", "the recording is empty");
  try {
    // The SDK names the upload by the media type it detects in the bytes (webm, ogg, wav, mp4, mp3).
    const result = await sdkTranscribe({
      model: t.config.model,
      audio,
      maxRetries: 1,
      abortSignal: AbortSignal.timeout(t.timeoutMs),
    });
    return result.text.trim();
  } catch (err) {
    const { code } = describeProviderError(err);
    t.reportError?.(err, { model: t.config.name, media_type: mediaType, bytes: audio.byteLength });
    const status = code === "model_timeout" ? 504 : 502;
    throw new HttpError(status, code, MESSAGES[code] ?? "the recording could not be transcribed; try again");
  }
}

export const tooLarge = () =>
  new HttpError(413, "payload_too_large", `a recording must be at most ${TRANSCRIBE_BYTES_MAX / 1024 / 1024} MB`);
