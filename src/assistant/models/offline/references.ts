/**
 * Resolves "it", "the first one", "both" against what earlier tool results in
 * the prompt showed the user. When the server replays history as plain text
 * only, the "(task N)" markers of our own earlier replies are the fallback.
 */
import type { TaskSummary } from "../../../contracts/tool-results.ts";
import type { Target } from "./intent.ts";
import type { Conversation, ToolStep } from "./prompt.ts";

export interface Ref {
  id: number;
  title?: string;
  /** Known when a tool result showed the task: lets a reschedule keep its time of day. */
  due_at?: string | null;
}

type Out = {
  task?: TaskSummary;
  tasks?: TaskSummary[];
  updated?: TaskSummary[];
  would_delete?: Ref[];
  would_update?: Ref[];
  deleted?: Ref[];
  error?: unknown;
};

const out = (step: ToolStep): Out => (step.output && typeof step.output === "object" ? step.output : {});
const refs = (items: { id: number; title?: string; due_at?: string | null }[]): Ref[] =>
  items.map(({ id, title, due_at }) => ({ id, title, due_at }));
const markers = (text: string | undefined): Ref[] =>
  [...(text ?? "").matchAll(/(?:\u201c([^\u201d]*)\u201d\s*)?\(task (\d+)\)/g)].map((m) => ({ id: Number(m[2]), title: m[1] }));

/** The tasks of the most recent listing the user saw (list results, previews, bulk updates). */
export function lastListed(conv: Conversation): Ref[] | null {
  for (let i = conv.history.length - 1; i >= 0; i--) {
    const o = out(conv.history[i]!);
    if (o.tasks) return refs(o.tasks);
    if (o.would_delete) return refs(o.would_delete);
    if (o.would_update) return refs(o.would_update);
    if (o.updated && o.updated.length > 1) return refs(o.updated);
  }
  const fromText = markers(conv.lastAssistantText);
  return fromText.length ? fromText : null;
}

/** The task "it" refers to: the last one created, changed, shown or singled out. */
export function lastMentioned(conv: Conversation): Ref | null {
  for (let i = conv.history.length - 1; i >= 0; i--) {
    const step = conv.history[i]!;
    const o = out(step);
    if (o.task) return { id: o.task.id, title: o.task.title, due_at: o.task.due_at };
    if (o.tasks) return o.tasks.length === 1 ? refs(o.tasks)[0]! : null;
    if (o.updated) return o.updated.length === 1 ? refs(o.updated)[0]! : null;
    if (o.deleted) continue; // a deleted task is no longer something to act on
    if (typeof step.input.id === "number") return { id: step.input.id };
  }
  const fromText = markers(conv.lastAssistantText);
  return fromText.length === 1 ? fromText[0]! : null;
}

export type Resolution =
  | { kind: "tasks"; refs: Ref[] }
  | { kind: "lookup"; query: string }
  | { kind: "unknown"; reason: string };

export function resolveTarget(target: Target, conv: Conversation): Resolution {
  switch (target.kind) {
    case "ids":
      return { kind: "tasks", refs: target.ids.map((id) => ({ id })) };
    case "query":
      return { kind: "lookup", query: target.query };
    case "pronoun": {
      const ref = lastMentioned(conv);
      return ref ? { kind: "tasks", refs: [ref] } : { kind: "unknown", reason: "Which task do you mean? Tell me its number or a word from its title." };
    }
    case "ordinal":
    case "listed": {
      const listed = lastListed(conv);
      if (!listed?.length) return { kind: "unknown", reason: "I don't have a list to pick from yet. Which task do you mean?" };
      if (target.kind === "listed") return { kind: "tasks", refs: listed };
      const pick = target.index < 0 ? listed.at(target.index) : listed[target.index];
      return pick
        ? { kind: "tasks", refs: [pick] }
        : { kind: "unknown", reason: `The last list only had ${listed.length} task${listed.length === 1 ? "" : "s"}. Which one do you mean?` };
    }
  }
}

/** Among lookup matches, the one the words name best: an exact title wins over partial matches. */
export function bestMatch(query: string, tasks: TaskSummary[]): TaskSummary | null {
  if (tasks.length === 1) return tasks[0]!;
  const q = query.toLowerCase().trim();
  const exact = tasks.filter((t) => t.title.toLowerCase().trim() === q);
  return exact.length === 1 ? exact[0]! : null;
}
