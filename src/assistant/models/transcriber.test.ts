import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config/env.ts";
import { selectTranscriber } from "./transcriber.ts";

const pick = (env: Record<string, string>) => selectTranscriber(loadConfig({ NODE_ENV: "test", ...env }));

describe("selectTranscriber", () => {
  it.each([
    [{ AI_MODEL: "openai:gpt-4o-mini", OPENAI_API_KEY: "k" }, "openai:gpt-4o-mini-transcribe"],
    [{ AI_MODEL: "openai:gpt-4o-mini", AI_BASE_URL: "http://127.0.0.1:9/v1" }, "openai:whisper-1"],
    [{ AI_MODEL: "openai:gpt-4o-mini", AI_TRANSCRIBE_MODEL: "gpt-4o-transcribe" }, "openai:gpt-4o-transcribe"],
    [{ AI_MODEL: "groq:llama-3.3-70b-versatile" }, "groq:whisper-large-v3-turbo"],
    [{ AI_MODEL: "ollama:llama3.2", AI_TRANSCRIBE_MODEL: "whisper" }, "ollama:whisper"],
    [
      { AI_MODEL: "openai-compatible:m", AI_BASE_URL: "http://127.0.0.1:9/v1", AI_TRANSCRIBE_MODEL: "w" },
      "openai-compatible:w",
    ],
  ])("%o → %s", async (env, name) => {
    const t = await pick(env);
    expect(t?.name).toBe(name);
    expect(t?.model).toMatchObject({ modelId: name.slice(name.indexOf(":") + 1) });
  });

  it.each([
    [{}],
    [{ AI_MODEL: "tickler:offline" }],
    [{ AI_MODEL: "anthropic:claude-sonnet-4-5" }],
    [{ AI_MODEL: "google:gemini-2.5-flash" }],
    [{ AI_MODEL: "ollama:llama3.2" }],
    [{ AI_MODEL: "openai:gpt-4o-mini", AI_TRANSCRIBE_MODEL: "off" }],
  ])("%o has no speech-to-text (the microphone is hidden)", async (env) => {
    expect(await pick(env)).toBeNull();
  });

  it("fails fast when AI_TRANSCRIBE_MODEL names a model its provider cannot serve", async () => {
    await expect(pick({ AI_MODEL: "anthropic:claude-sonnet-4-5", AI_TRANSCRIBE_MODEL: "whisper-1" })).rejects.toThrow(
      /anthropic provider has no/,
    );
    await expect(pick({ AI_TRANSCRIBE_MODEL: "whisper-1" })).rejects.toThrow(/offline assistant has no speech-to-text/);
  });
});
