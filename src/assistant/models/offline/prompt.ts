/**
 * Reads what the stateless model needs out of an AI SDK prompt: the latest user
 * message, the tool steps already taken for it in this turn, and the earlier
 * tool steps and assistant texts that "it" / "the first one" / "yes" refer to.
 */
import type { LanguageModelV3Prompt, LanguageModelV3ToolResultOutput } from "@ai-sdk/provider";

export interface ToolStep {
  toolCallId: string;
  toolName: string;
  input: Record<string, unknown>;
  /** The tool's JSON result; failures are normalised to `{ error: { code, message } }`. */
  output: unknown;
}

export interface Conversation {
  system: string;
  userText: string;
  /** The user message before the latest one (a bare "the second one" continues it). */
  previousUserText?: string;
  /** Steps taken after the latest user message, oldest first. */
  turn: ToolStep[];
  /** Steps of the previous turn only (what a "yes" confirms). */
  lastTurn: ToolStep[];
  /** Every step before the latest user message, oldest first. */
  history: ToolStep[];
  /** The last assistant text before the latest user message (fallback when history has no tool parts). */
  lastAssistantText?: string;
}

export function normaliseOutput(output: LanguageModelV3ToolResultOutput | undefined): unknown {
  if (!output) return { error: { code: "no_result", message: "the tool returned nothing" } };
  switch (output.type) {
    case "json":
      return output.value;
    case "text":
      try {
        return JSON.parse(output.value);
      } catch {
        return { text: output.value };
      }
    case "error-text":
      // AI SDK 7 renders a thrown error as `error.toString()` ("Error: …"): keep the message.
      return { error: { code: "tool_error", message: output.value.replace(/^\w*Error: /, "") } };
    case "error-json": {
      const v = output.value as { error?: unknown } | null;
      return v && typeof v === "object" && "error" in v ? v : { error: { code: "tool_error", message: JSON.stringify(v) } };
    }
    case "execution-denied":
      return { error: { code: "denied", message: output.reason ?? "the action was not allowed" } };
    default:
      return { error: { code: "tool_error", message: "the tool returned an unexpected result" } };
  }
}

function asObject(input: unknown): Record<string, unknown> {
  if (typeof input === "string") {
    try {
      return asObject(JSON.parse(input));
    } catch {
      return {};
    }
  }
  return input && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
}

export function readConversation(prompt: LanguageModelV3Prompt): Conversation {
  const system: string[] = [];
  const users: { text: string; stepIndex: number }[] = [];
  const steps: ToolStep[] = [];
  const byId = new Map<string, ToolStep>();
  const assistantTexts: { text: string; stepIndex: number; userIndex: number }[] = [];

  for (const message of prompt) {
    if (message.role === "system") system.push(message.content);
    else if (message.role === "user") {
      const text = message.content.map((p) => (p.type === "text" ? p.text : "")).join(" ").trim();
      users.push({ text, stepIndex: steps.length });
    } else {
      for (const part of message.content) {
        if (part.type === "tool-call") {
          const step: ToolStep = { toolCallId: part.toolCallId, toolName: part.toolName, input: asObject(part.input), output: undefined };
          steps.push(step);
          byId.set(part.toolCallId, step);
        } else if (part.type === "tool-result") {
          const step = byId.get(part.toolCallId);
          if (step) step.output = normaliseOutput(part.output);
        } else if (part.type === "text" && message.role === "assistant" && part.text.trim()) {
          assistantTexts.push({ text: part.text, stepIndex: steps.length, userIndex: users.length });
        }
      }
    }
  }

  const last = users.at(-1);
  const prev = users.at(-2);
  const cut = last?.stepIndex ?? steps.length;
  const lastText = assistantTexts.filter((t) => t.userIndex < users.length).at(-1);
  return {
    system: system.join("\n"),
    userText: last?.text ?? "",
    previousUserText: prev?.text,
    turn: last ? steps.slice(cut) : [],
    lastTurn: steps.slice(prev?.stepIndex ?? 0, cut),
    history: steps.slice(0, cut),
    lastAssistantText: lastText?.text,
  };
}
