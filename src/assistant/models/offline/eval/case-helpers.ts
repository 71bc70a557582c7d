/**
 * Shapes, seed data and helpers of the offline assistant's eval cases:
 * utterances, the tool calls they
 * should produce (tool name + a subset of the arguments; date-times compare as
 * instants) and/or a pattern the final reply must match.
 *
 * Fixed clock: Saturday 2026-11-28 10:00 UTC unless a case says otherwise.
 * "This week" runs to Monday Nov 30; "next week" is Nov 30 – Dec 7.
 * Lists come newest first (like the real list_tasks) unless sorted by due date,
 * so "the first one" after "show my tasks" is the highest task number.
 */
import type { SeedTask } from "./real-tools.ts";

export interface ExpectedCall {
  tool: string;
  args?: Record<string, unknown>;
}
export interface Turn {
  say: string;
  /** The turn's tool calls, in order; [] means "no tool call". Omitted: not checked. */
  calls?: ExpectedCall[];
  reply?: RegExp;
}
export interface EvalCase {
  name: string;
  now?: string;
  timeZone?: string;
  /** Defaults to SEED; ids are 1, 2, 3… in order. */
  seed?: SeedTask[];
  /** Lists to create before the seed (numbers 2, 3, … after the Inbox). */
  lists?: string[];
  turns: Turn[];
}

export const NOW = "2026-11-28T10:00:00Z";

export const SEED: SeedTask[] = [
  { title: "Buy milk", tags: ["errands"], due_at: "2026-11-27T18:00:00Z" }, // 1 overdue
  { title: "Write the quarterly report", priority: "high", tags: ["work"], due_at: "2026-12-02T23:59:59Z" }, // 2
  { title: "Call mom", due_at: "2026-11-28T17:00:00Z" }, // 3 today
  { title: "Pay rent", tags: ["bills"], due_at: "2026-12-01T23:59:59Z" }, // 4
  { title: "Book dentist appointment", completed: true }, // 5
  { title: "Pick up dry cleaning", tags: ["errands"], due_at: "2026-11-26T12:00:00Z" }, // 6 overdue
  { title: "Renew passport", completed: true, priority: "low" }, // 7
  { title: "Plan team offsite", priority: "medium", tags: ["work"], due_at: "2026-12-08T23:59:59Z" }, // 8
];

export const REPORTS: SeedTask[] = [{ title: "Write weekly report" }, { title: "Send report to Anna" }, { title: "Water plants" }];

export const one = (say: string, tool: string, args: Record<string, unknown>, reply?: RegExp): EvalCase => ({
  name: say,
  turns: [{ say, calls: [{ tool, args }], reply }],
});
export const lookup = (say: string, query: string, tool: string, args: Record<string, unknown>, status?: string, reply?: RegExp): EvalCase => ({
  name: say,
  turns: [{ say, calls: [{ tool: "list_tasks", args: status ? { query, status } : { query } }, { tool, args }], reply }],
});
export const talk = (say: string, reply: RegExp): EvalCase => ({ name: say, turns: [{ say, calls: [], reply }] });
export const ny = (c: EvalCase, now = "2026-11-28T15:00:00Z"): EvalCase => ({ ...c, name: `[NY] ${c.name}`, timeZone: "America/New_York", now });

/** An add that names a list (`#name` or "to name"): the model checks the user's lists first. */
export const viaLists = (say: string, args: Record<string, unknown>, reply?: RegExp, lists?: string[]): EvalCase => ({
  name: say,
  lists,
  turns: [{ say, calls: [{ tool: "list_lists" }, { tool: "add_task", args }], reply }],
});
