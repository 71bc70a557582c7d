/**
 * Speech-to-text for voice input, from configuration (decision 026). A
 * transcription model exists only where the configured provider speaks
 * OpenAI's `POST /audio/transcriptions`: OpenAI itself (or an OpenAI-compatible
 * server at AI_BASE_URL), Groq, and — when AI_TRANSCRIBE_MODEL names a model —
 * the other OpenAI-compatible kinds. The offline assistant has none, and then
 * the web hides its microphone.
 */
import type { TranscriptionModel } from "ai";
import { ConfigError, type Config } from "../../config/env.ts";
import { OFFLINE_MODEL_NAME } from "./select.ts";

export interface TranscriptionConfig {
  model: TranscriptionModel;
  /** e.g. "openai:whisper-1", for logs and the decision record. */
  name: string;
}

/** Providers whose speech-to-text Tickler knows: the model used when AI_TRANSCRIBE_MODEL is unset. */
const DEFAULTS: Record<string, { model: string; baseURL: string; key: keyof Config } | undefined> = {
  openai: { model: "gpt-4o-mini-transcribe", baseURL: "https://api.openai.com/v1", key: "OPENAI_API_KEY" },
  groq: { model: "whisper-large-v3-turbo", baseURL: "https://api.groq.com/openai/v1", key: "GROQ_API_KEY" },
};

/** OpenAI-compatible kinds that may serve transcription, but only with a model the admin names. */
const NAMED_ONLY: Record<string, { baseURL?: string; key: keyof Config }> = {
  "openai-compatible": { key: "AI_API_KEY" },
  ollama: { baseURL: "http://localhost:11434/v1", key: "AI_API_KEY" },
  lmstudio: { baseURL: "http://localhost:1234/v1", key: "AI_API_KEY" },
};

/**
 * An OpenAI-compatible server at AI_BASE_URL rarely knows OpenAI's newest model
 * names; `whisper-1` is the one they alias (and OpenAI still serves).
 */
const COMPATIBLE_DEFAULT = "whisper-1";

export async function selectTranscriber(config: Config): Promise<TranscriptionConfig | null> {
  const wanted = config.AI_TRANSCRIBE_MODEL;
  if (wanted === "off") return null;
  if (!config.AI_MODEL || config.AI_MODEL === OFFLINE_MODEL_NAME) {
    if (wanted)
      throw new ConfigError(
        "AI_TRANSCRIBE_MODEL needs AI_MODEL to name an OpenAI-compatible provider (the offline assistant has no speech-to-text)",
      );
    return null;
  }
  const provider = config.AI_MODEL.slice(0, config.AI_MODEL.indexOf(":"));
  const known = DEFAULTS[provider];
  const namedOnly = NAMED_ONLY[provider];
  if (!known && !namedOnly) {
    if (wanted)
      throw new ConfigError(
        `AI_TRANSCRIBE_MODEL: the ${provider} provider has no OpenAI-compatible /audio/transcriptions`,
      );
    return null;
  }
  const baseURL = config.AI_BASE_URL ?? known?.baseURL ?? namedOnly?.baseURL;
  const id = wanted ?? (known && (config.AI_BASE_URL ? COMPATIBLE_DEFAULT : known.model));
  if (!id || !baseURL) return null; // e.g. ollama without AI_TRANSCRIBE_MODEL: no speech-to-text assumed
  const keyName = known?.key ?? namedOnly!.key;
  const apiKey = config.AI_API_KEY ?? (config[keyName] as string | undefined);
  const { createOpenAI } = await import("@ai-sdk/openai");
  // An empty key sends no usable Authorization, which local servers ignore; never the process env's OPENAI_API_KEY.
  const openai = createOpenAI({ name: provider, baseURL, apiKey: apiKey ?? "" });
  return { model: openai.transcription(id), name: `${provider}:${id}` };
}
