/**
 * Plans a compound request part by part, statelessly: the tool steps already
 * taken this turn are handed to each part in order, so a part whose calls have
 * all run reports its reply and the next part starts. Adds in a row go out in
 * one step; a part that needs a lookup waits for its result.
 */
import type { Clock } from "./clock.ts";
import type { Intent } from "./intent.ts";
import type { Plan } from "./plan.ts";
import type { Conversation, ToolStep } from "./prompt.ts";

type PlanPart = (intent: Intent, conv: Conversation, clock: Clock) => Plan;

export function planCompound(parts: Intent[], conv: Conversation, clock: Clock, planPart: PlanPart): Plan {
  const taken = conv.turn;
  let next = 0;
  const replies: string[] = [];
  const done: ToolStep[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const mine: ToolStep[] = [];
    for (;;) {
      // Earlier parts' results are history to this one: "add X and mark it done".
      const sub: Conversation = { ...conv, turn: mine, history: [...conv.history, ...done] };
      const p = planPart(part, sub, clock);
      if (p.kind === "text") {
        replies.push(p.text);
        break;
      }
      if (next + p.calls.length > taken.length)
        return next === taken.length ? batch(p, parts, i, conv, clock, planPart) : p;
      mine.push(...taken.slice(next, next + p.calls.length));
      next += p.calls.length;
    }
    done.push(...mine);
  }
  return { kind: "text", text: replies.join("\n") };
}

/** The calls of part i, plus those of the adds right after it (they need nothing from it). */
function batch(
  first: Extract<Plan, { kind: "calls" }>,
  parts: Intent[],
  i: number,
  conv: Conversation,
  clock: Clock,
  planPart: PlanPart,
): Plan {
  if (parts[i]!.kind !== "add") return first;
  const calls = [...first.calls];
  for (let j = i + 1; j < parts.length && parts[j]!.kind === "add"; j++) {
    const p = planPart(parts[j]!, { ...conv, turn: [] }, clock);
    if (p.kind === "calls") calls.push(...p.calls);
  }
  return { kind: "calls", calls };
}
