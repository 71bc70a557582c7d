/**
 * Picks the language model from configuration: `AI_MODEL=provider:model`.
 * Without one, the built-in offline assistant answers. A provider's SDK is
 * imported only when it is the one configured (~1.2 MB of code for all four;
 * docs/decisions/010).
 */
import type { LanguageModel } from "ai";
import { ConfigError, type Config } from "../../config/env.ts";
import { createOfflineModel } from "./offline/index.ts";

export interface ChatModel {
  model: LanguageModel;
  /** Shown in the UI and stored with each reply, e.g. "openai:gpt-4o-mini". */
  name: string;
}

/** OpenAI-compatible services Tickler knows the address and key variable of. */
const COMPATIBLE: Record<string, { baseURL: string; key: keyof Config }> = {
  groq: { baseURL: "https://api.groq.com/openai/v1", key: "GROQ_API_KEY" },
  openrouter: { baseURL: "https://openrouter.ai/api/v1", key: "OPENROUTER_API_KEY" },
  ollama: { baseURL: "http://localhost:11434/v1", key: "AI_API_KEY" },
  lmstudio: { baseURL: "http://localhost:1234/v1", key: "AI_API_KEY" },
};

export const OFFLINE_MODEL_NAME = "tickler:offline";

export async function selectModel(config: Config): Promise<ChatModel> {
  if (!config.AI_MODEL || config.AI_MODEL === OFFLINE_MODEL_NAME) {
    return { model: createOfflineModel(), name: OFFLINE_MODEL_NAME };
  }
  const sep = config.AI_MODEL.indexOf(":");
  const provider = config.AI_MODEL.slice(0, sep);
  const id = config.AI_MODEL.slice(sep + 1);
  const name = config.AI_MODEL;
  switch (provider) {
    case "openai": {
      // An AI_BASE_URL means an OpenAI-compatible server: speak Chat Completions, which they all implement.
      if (config.AI_BASE_URL) {
        return { model: await compatible("openai", config.AI_BASE_URL, config.AI_API_KEY ?? config.OPENAI_API_KEY, id), name };
      }
      const { createOpenAI } = await import("@ai-sdk/openai");
      return { model: createOpenAI({ apiKey: config.AI_API_KEY ?? config.OPENAI_API_KEY })(id), name };
    }
    case "anthropic": {
      const { createAnthropic } = await import("@ai-sdk/anthropic");
      return { model: createAnthropic({ apiKey: config.AI_API_KEY ?? config.ANTHROPIC_API_KEY, baseURL: config.AI_BASE_URL })(id), name };
    }
    case "google": {
      const { createGoogleGenerativeAI } = await import("@ai-sdk/google");
      return {
        model: createGoogleGenerativeAI({ apiKey: config.AI_API_KEY ?? config.GOOGLE_GENERATIVE_AI_API_KEY, baseURL: config.AI_BASE_URL })(id),
        name,
      };
    }
    case "openai-compatible": {
      if (!config.AI_BASE_URL) throw new ConfigError("AI_MODEL=openai-compatible:… needs AI_BASE_URL");
      return { model: await compatible("compatible", config.AI_BASE_URL, config.AI_API_KEY, id), name };
    }
    default: {
      const known = COMPATIBLE[provider];
      if (!known) throw new ConfigError(`AI_MODEL: unknown provider "${provider}"`);
      const key = config.AI_API_KEY ?? (config[known.key] as string | undefined);
      return { model: await compatible(provider, config.AI_BASE_URL ?? known.baseURL, key, id), name };
    }
  }
}

async function compatible(name: string, baseURL: string, apiKey: string | undefined, id: string): Promise<LanguageModel> {
  const { createOpenAICompatible } = await import("@ai-sdk/openai-compatible");
  return createOpenAICompatible({ name, baseURL, apiKey }).chatModel(id);
}
