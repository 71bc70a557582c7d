import { useEffect, useState } from "react";
import { loadServerConfig } from "../../lib/server-config.ts";

/** A person-friendly name for a model id like "tickler:offline" or "openai:gpt-4o-mini". */
const PROVIDERS: Record<string, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  google: "Google",
  groq: "Groq",
  openrouter: "OpenRouter",
  ollama: "Ollama",
  lmstudio: "LM Studio",
  "openai-compatible": "custom server",
};

export function modelLabel(model: string | null): string | null {
  if (!model) return null;
  if (model === "tickler:offline") return "Offline assistant";
  const sep = model.indexOf(":");
  if (sep < 0) return model;
  const provider = model.slice(0, sep);
  return `${model.slice(sep + 1)} (${PROVIDERS[provider] ?? provider})`;
}

/** The model the server is configured with, shown before the first reply names it. */
export function useServerModel(): string | null {
  const [model, setModel] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadServerConfig().then(
      (c) => live && setModel(c.model),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return model;
}
