/**
 * Voice input: the audio a client may send to be transcribed, and the answer.
 * `POST /api/{user_id}/chat/transcribe` takes the recording as the raw body;
 * ChatKit's `input.transcribe` sends the same bytes as base64 (decision 026).
 */
import * as z from "zod";

/** The largest recording accepted (minutes of MediaRecorder's Opus; a provider's own cap is 25 MB). */
export const TRANSCRIBE_BYTES_MAX = 10 * 1024 * 1024;

/** What browsers' MediaRecorder produces (webm, ogg, mp4), plus WAV and MP3 files. */
export const TRANSCRIBE_MEDIA_TYPES = ["audio/webm", "audio/ogg", "audio/wav", "audio/mp4", "audio/mpeg"] as const;
export type TranscribeMediaType = (typeof TRANSCRIBE_MEDIA_TYPES)[number];

/** Names some clients use for the same formats. */
const ALIASES: Record<string, TranscribeMediaType> = {
  "audio/x-wav": "audio/wav",
  "audio/wave": "audio/wav",
  "audio/mp3": "audio/mpeg",
  "audio/x-m4a": "audio/mp4",
  "audio/m4a": "audio/mp4",
};

/**
 * The accepted media type of a Content-Type (or ChatKit `mime_type`) such as
 * "audio/webm;codecs=opus", or null when it is not one Tickler transcribes.
 */
export function audioMediaType(contentType: string | null | undefined): TranscribeMediaType | null {
  const base = (contentType ?? "").split(";", 1)[0]!.trim().toLowerCase();
  if ((TRANSCRIBE_MEDIA_TYPES as readonly string[]).includes(base)) return base as TranscribeMediaType;
  return ALIASES[base] ?? null;
}

/** The answer: what the person said, for the composer (never sent on its own). */
export const Transcription = z.strictObject({
  /** Empty when nothing was understood. */
  text: z.string(),
});
export type Transcription = z.infer<typeof Transcription>;
