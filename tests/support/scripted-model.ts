/**
 * A scripted model for tests: AI SDK's MockLanguageModelV3 answering each
 * step of the tool loop from a list, in the SDK's own stream format.
 */
import type { LanguageModelV3StreamPart, LanguageModelV3Usage } from "@ai-sdk/provider";
import { simulateReadableStream } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import type { ChatModel } from "../../src/assistant/models/select.ts";

export type Step = { text: string } | { calls: { tool: string; input: unknown }[] } | { error: Error };

const usage: LanguageModelV3Usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 5, text: 5, reasoning: 0 },
};

let n = 0;

function partsOf(step: Step): LanguageModelV3StreamPart[] {
  const parts: LanguageModelV3StreamPart[] = [{ type: "stream-start", warnings: [] }];
  if ("error" in step) {
    parts.push({ type: "error", error: step.error });
    return parts;
  }
  if ("text" in step) {
    const id = `t${++n}`;
    parts.push({ type: "text-start", id });
    for (const word of step.text.match(/\S+\s*/g) ?? []) parts.push({ type: "text-delta", id, delta: word });
    parts.push({ type: "text-end", id }, { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage });
    return parts;
  }
  for (const c of step.calls) {
    parts.push({ type: "tool-call", toolCallId: `call-${++n}`, toolName: c.tool, input: JSON.stringify(c.input) });
  }
  parts.push({ type: "finish", finishReason: { unified: "tool-calls", raw: "tool_calls" }, usage });
  return parts;
}

/**
 * Each model call takes (removes) the first step of `steps`, so a test can
 * refill the array between turns; past the end it says "(script ended)".
 */
export function scriptedModel(steps: Step[]): ChatModel & { mock: MockLanguageModelV3 } {
  const mock = new MockLanguageModelV3({
    doStream: async () => {
      const step = steps.shift() ?? { text: "(script ended)" };
      if ("error" in step && !(step.error as { streamed?: boolean }).streamed) throw step.error;
      return { stream: simulateReadableStream({ chunks: partsOf(step) }) };
    },
  });
  return { model: mock, name: "test:scripted", mock };
}
