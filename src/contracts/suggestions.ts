/**
 * Suggestion chips under a reply: requests the user can send with one tap.
 * A preview that waits for a yes (bulk delete, bulk change) always gets Yes/No,
 * whatever the model; otherwise the model may offer its own (the offline model's
 * closest actions when it did not understand). Typing the same words works too.
 */
import * as z from "zod";
import { awaitsConfirmation } from "./tool-specs.ts";

export const SUGGESTIONS_MAX = 4;
export const Suggestions = z.array(z.string().trim().min(1).max(200)).max(SUGGESTIONS_MAX);
export type Suggestions = z.infer<typeof Suggestions>;

export const CONFIRM_SUGGESTIONS: Suggestions = ["Yes", "No"];

/** The chips for a reply, from its tool calls and what the model offered (unchecked input). */
export function replySuggestions(calls: readonly { tool: string; result: unknown }[], offered?: unknown): Suggestions {
  const last = calls.at(-1);
  if (last && awaitsConfirmation(last.tool, last.result)) return CONFIRM_SUGGESTIONS;
  const parsed = Suggestions.safeParse(offered);
  return parsed.success ? parsed.data : [];
}
