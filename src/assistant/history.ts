/**
 * Stored messages → model messages. A stored assistant message replays as its
 * tool calls, their results, then its text, so references such as "the first
 * one" resolve from earlier results after a restart or on another replica.
 */
import type { ModelMessage } from "ai";
import type { messages } from "../db/schema/conversations.ts";

type Row = typeof messages.$inferSelect;

export function toModelMessages(rows: Row[]): ModelMessage[] {
  const out: ModelMessage[] = [];
  for (const row of rows) {
    if (row.role === "user") {
      out.push({ role: "user", content: row.text });
      continue;
    }
    if (row.toolCalls.length > 0) {
      out.push({
        role: "assistant",
        content: row.toolCalls.map((c) => ({ type: "tool-call" as const, toolCallId: c.id, toolName: c.tool, input: c.arguments })),
      });
      out.push({
        role: "tool",
        content: row.toolCalls.map((c) => ({
          type: "tool-result" as const,
          toolCallId: c.id,
          toolName: c.tool,
          output: { type: "json" as const, value: (c.result ?? null) as never },
        })),
      });
    }
    // A failed turn's error text is for the user, not for the model.
    if (row.text && row.status === "ok") out.push({ role: "assistant", content: row.text });
  }
  return out;
}
