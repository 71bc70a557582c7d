/**
 * One chat turn: store the user's message, run the model's tool loop over the
 * stored history, stream what happens, store the reply. Nothing lives in
 * memory between turns.
 */
import { stepCountIs, streamText } from "ai";
import type { ChatEvent, ToolCallRecord } from "../contracts/chat.ts";
import type { Db } from "../db/client.ts";
import type { StoredToolCall } from "../db/schema/conversations.ts";
import * as conversations from "../domain/conversations/service.ts";
import { DomainError } from "../domain/errors.ts";
import type { RowLimits } from "../domain/quotas.ts";
import { toModelMessages } from "./history.ts";
import { replySuggestions } from "../contracts/suggestions.ts";
import { OFFLINE_PROVIDER, SUGGESTIONS_KEY } from "./models/offline/model.ts";
import type { ChatModel } from "./models/select.ts";
import { systemPrompt } from "./prompt.ts";
import { aiSdkTools } from "./tools/ai-sdk.ts";
import type { ToolContext } from "./tools/define.ts";

/** How many stored messages the model sees. */
export const HISTORY_WINDOW = 40;
export const MAX_STEPS = 8;

export interface TurnInput {
  db: Db;
  userId: string;
  model: ChatModel;
  conversationId?: string | undefined;
  /** Absent with `retry`: the turn re-answers the last stored user message. */
  message?: string | undefined;
  retry?: boolean | undefined;
  /** Id for the stored reply, reserved beforehand (`reserveMessageId`); ChatKit streams it under that id. */
  replyId?: number | undefined;
  timeZone: string;
  timeoutMs: number;
  now?: () => Date;
  onTasksChanged: (userId: string) => void;
  /** Per-user row caps: the stored messages and conversations, and the tasks tools create. */
  rowLimits: RowLimits;
  /** Named in a tool's unexpected failure; the failure itself goes to `reportError` (the server log). */
  requestId?: string | undefined;
  reportError?: ToolContext["reportError"];
  /** The user's write budget, spent by each mutating tool call. */
  spendWrite?: ToolContext["spendWrite"];
}

/** Streams the turn's events; the last one is `done` or `error`. */
export async function* runTurn(input: TurnInput): AsyncGenerator<ChatEvent> {
  const { db, userId, model } = input;
  const now = input.now ?? (() => new Date());

  const { rowLimits } = input;
  // A new conversation is stored with its first message in one transaction (a refused message leaves none).
  const started =
    input.conversationId || input.retry ? undefined : await conversations.startConversation(db, userId, input.message!, rowLimits);
  const conversation =
    started?.conversation ??
    (input.conversationId
      ? await conversations.getConversation(db, userId, input.conversationId)
      : await conversations.createConversation(db, userId, conversations.deriveTitle(input.message ?? ""), rowLimits));
  if (input.retry) {
    // Checked before the first event, so the caller can still answer 409 instead of opening a stream.
    const [last] = await conversations.recentMessages(db, userId, conversation.id, 1);
    if (last?.role !== "user") {
      throw new DomainError("conflict", "nothing_to_retry", "the conversation's last message was answered already");
    }
  }
  if (!input.retry && !started) {
    // Stored before the model runs: a failing provider never loses what the user wrote. Before the
    // first event too, so a refusal (quota_exceeded) is still a JSON 4xx rather than a broken stream.
    await conversations.appendMessage(db, userId, conversation.id, { role: "user", text: input.message! }, rowLimits);
  }
  yield { type: "conversation", conversation_id: conversation.id, title: conversation.title, model: model.name };

  const history = toModelMessages(await conversations.recentMessages(db, userId, conversation.id, HISTORY_WINDOW));
  const tools = aiSdkTools({
    db,
    userId,
    timeZone: input.timeZone,
    now,
    onTasksChanged: input.onTasksChanged,
    rowLimits,
    requestId: input.requestId,
    reportError: input.reportError,
    spendWrite: input.spendWrite,
  });
  const calls = new Map<string, StoredToolCall>();
  const invalidCalls = new Set<string>();
  let text = "";
  let failure: { code: string; message: string } | undefined;

  const result = streamText({
    model: model.model,
    system: systemPrompt(now(), input.timeZone),
    messages: history,
    tools,
    stopWhen: stepCountIs(MAX_STEPS),
    abortSignal: AbortSignal.timeout(input.timeoutMs),
    maxRetries: 1,
    onError: () => {}, // surfaced through the stream's error part below
  });

  try {
    for await (const part of result.fullStream) {
      switch (part.type) {
        case "text-delta":
          text += part.text;
          yield { type: "text-delta", text: part.text };
          break;
        case "tool-call":
          if (part.invalid) invalidCalls.add(part.toolCallId);
          calls.set(part.toolCallId, { id: part.toolCallId, tool: part.toolName, arguments: part.input, result: null });
          yield { type: "tool-call", id: part.toolCallId, tool: part.toolName, arguments: part.input };
          break;
        case "tool-result": {
          const call = calls.get(part.toolCallId);
          if (call) call.result = part.output;
          yield { type: "tool-result", id: part.toolCallId, tool: part.toolName, result: part.output };
          break;
        }
        case "tool-error": {
          const call = calls.get(part.toolCallId);
          // Only calls AI SDK itself refuses get here (a tool that does not exist, input that is not
          // JSON): runTool answers everything else as a result. Recorded without internals.
          const result = invalidCalls.has(part.toolCallId)
            ? { error: { code: "invalid_input", message: "the tool input did not match the tool's schema" } }
            : { error: { code: "tool_failed", message: "the tool failed", ...(input.requestId ? { request_id: input.requestId } : {}) } };
          if (call) call.result = result;
          yield { type: "tool-result", id: part.toolCallId, tool: part.toolName, result };
          break;
        }
        case "error":
          failure = describeProviderError(part.error);
          break;
        case "abort":
          failure = { code: "model_timeout", message: "the assistant took too long to answer; try again" };
          break;
      }
    }
  } catch (err) {
    failure = describeProviderError(err);
  }

  const toolCalls = [...calls.values()];
  if (failure) {
    // Changes the tools already made are real: record them with the error, so history matches the data.
    if (toolCalls.length > 0 || text) {
      await conversations.appendMessage(db, userId, conversation.id, {
        id: input.replyId,
        role: "assistant",
        text: text || failure.message,
        toolCalls,
        model: model.name,
        status: "error",
      }, rowLimits);
    }
    yield { type: "error", ...failure };
    return;
  }
  const reply = text.trim() || (toolCalls.length ? "Done." : "I have nothing to add.");
  const stored = await conversations.appendMessage(db, userId, conversation.id, {
    id: input.replyId,
    role: "assistant",
    text: reply,
    toolCalls,
    model: model.name,
  }, rowLimits);
  // Only the offline model's own metadata key is read: another provider's metadata is not ours to show.
  const offered = (await result.providerMetadata)?.[OFFLINE_PROVIDER]?.[SUGGESTIONS_KEY];
  const suggestions = replySuggestions(toolCalls, offered);
  yield { type: "done", message_id: stored.id, response: reply, tool_calls: toolCalls.map(toRecord), suggestions };
}

const toRecord = (call: StoredToolCall): ToolCallRecord => conversations.toToolCallRecord(call);

/** Provider failures → a clear code; never the provider's raw body or key. */
export function describeProviderError(err: unknown): { code: string; message: string } {
  const e = err as { name?: string; statusCode?: number; message?: string; lastError?: unknown } | undefined;
  const inner = (e?.lastError as typeof e) ?? e;
  const status = inner?.statusCode;
  if (e?.name === "AbortError" || e?.name === "TimeoutError" || /aborted|timeout/i.test(e?.message ?? "")) {
    return { code: "model_timeout", message: "the assistant took too long to answer; try again" };
  }
  if (status === 401 || status === 403) return { code: "model_auth_failed", message: "the AI provider refused our API key" };
  if (status === 429) return { code: "model_rate_limited", message: "the AI provider is rate limiting us; try again in a moment" };
  if (status && status >= 500) return { code: "model_unavailable", message: "the AI provider is having problems; try again" };
  return { code: "model_error", message: "the assistant could not answer; try again" };
}
