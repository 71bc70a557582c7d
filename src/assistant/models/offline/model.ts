/**
 * The built-in offline assistant as an AI SDK language model: the server runs
 * the same `streamText` tool loop, streaming and storage with it as with a real
 * LLM. Each call reads the prompt, plans one step and answers with tool calls
 * or with text, which it streams in word-sized chunks like a real provider.
 */
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
  LanguageModelV3Usage,
} from "@ai-sdk/provider";
import { randomUUID } from "node:crypto";
import { parseClock } from "./clock.ts";
import { plan, type Plan } from "./plan.ts";
import { readConversation } from "./prompt.ts";

export const OFFLINE_PROVIDER = "tickler";
export const OFFLINE_MODEL_ID = "offline";

export interface OfflineModelOptions {
  /** Clock used when the system message carries no `Current time:` line. */
  now?: () => Date;
  /** Ids for tool calls and text parts; injectable for reproducible tests. */
  generateId?: () => string;
}

/** No tokens are spent offline; the AI SDK accepts undefined counts. */
const usage: LanguageModelV3Usage = {
  inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: undefined, text: undefined, reasoning: undefined },
};

/** Where the offline model puts its suggestion chips: provider metadata, which the chat turn reads back. */
export const SUGGESTIONS_KEY = "suggestions";
const metadataOf = (p: Plan) =>
  p.kind === "text" && p.suggestions?.length ? { providerMetadata: { [OFFLINE_PROVIDER]: { [SUGGESTIONS_KEY]: p.suggestions } } } : {};

function finishReason(p: Plan): LanguageModelV3FinishReason {
  return p.kind === "calls" ? { unified: "tool-calls", raw: "tool-calls" } : { unified: "stop", raw: "stop" };
}

/** Splits text into chunks of a few words, keeping all whitespace, so it streams visibly. */
export function chunkText(text: string, wordsPerChunk = 3): string[] {
  const tokens = text.match(/\S+\s*/g) ?? [];
  const leading = /^\s*/.exec(text)?.[0] ?? "";
  const chunks: string[] = [];
  for (let i = 0; i < tokens.length; i += wordsPerChunk) chunks.push(tokens.slice(i, i + wordsPerChunk).join(""));
  if (leading && chunks.length) chunks[0] = leading + chunks[0];
  return chunks.length ? chunks : [text];
}

export function createOfflineModel(options: OfflineModelOptions = {}): LanguageModelV3 {
  const newId = options.generateId ?? (() => randomUUID());

  function decide(call: LanguageModelV3CallOptions): Plan {
    if (call.abortSignal?.aborted) throw call.abortSignal.reason ?? new Error("aborted");
    const conv = readConversation(call.prompt);
    const clock = parseClock(conv.system, options.now);
    const decided = plan(conv, clock);
    if (decided.kind === "text") return decided;
    // Only call tools the caller offered; otherwise explain rather than emit a call the SDK would reject.
    const offered = new Set((call.tools ?? []).map((t) => t.name));
    const allowed = call.toolChoice?.type !== "none" && decided.calls.every((c) => offered.has(c.toolName));
    return allowed ? decided : { kind: "text", text: "Sorry, I can't manage tasks right now: the task tools are unavailable." };
  }

  function content(p: Plan): LanguageModelV3Content[] {
    if (p.kind === "text") return [{ type: "text", text: p.text }];
    return p.calls.map((c) => ({ type: "tool-call", toolCallId: newId(), toolName: c.toolName, input: JSON.stringify(c.input) }));
  }

  return {
    specificationVersion: "v3",
    provider: OFFLINE_PROVIDER,
    modelId: OFFLINE_MODEL_ID,
    supportedUrls: {},

    async doGenerate(call): Promise<LanguageModelV3GenerateResult> {
      const p = decide(call);
      return {
        content: content(p),
        finishReason: finishReason(p),
        usage,
        warnings: [],
        ...metadataOf(p),
        response: { id: newId(), modelId: OFFLINE_MODEL_ID, timestamp: new Date() },
      };
    },

    async doStream(call): Promise<LanguageModelV3StreamResult> {
      const p = decide(call);
      const parts: LanguageModelV3StreamPart[] = [
        { type: "stream-start", warnings: [] },
        { type: "response-metadata", id: newId(), modelId: OFFLINE_MODEL_ID, timestamp: new Date() },
      ];
      for (const c of content(p)) {
        if (c.type === "text") {
          const id = newId();
          parts.push({ type: "text-start", id });
          for (const delta of chunkText(c.text)) parts.push({ type: "text-delta", id, delta });
          parts.push({ type: "text-end", id });
        } else if (c.type === "tool-call") {
          parts.push(
            { type: "tool-input-start", id: c.toolCallId, toolName: c.toolName },
            { type: "tool-input-delta", id: c.toolCallId, delta: c.input },
            { type: "tool-input-end", id: c.toolCallId },
            c,
          );
        }
      }
      parts.push({ type: "finish", finishReason: finishReason(p), usage, ...metadataOf(p) });
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      });
      return { stream };
    },
  };
}
