/** What the user asked for, before any tool is chosen. Pure data. */
import type { Priority } from "../../../contracts/task.ts";
import type { Duration, Reminder } from "../../../grammar/index.ts";

/** Which task(s) a message points at. */
export type Target =
  | { kind: "ids"; ids: number[] }
  /** Position in the most recent list shown: 0-based, -1 = last. */
  | { kind: "ordinal"; index: number }
  /** "both", "all of them": every task of the most recent list. */
  | { kind: "listed" }
  /** "it", "that": the task last created or mentioned. */
  | { kind: "pronoun" }
  /** Title words: "the milk task" → "milk". */
  | { kind: "query"; query: string };

export interface Filter {
  status?: "all" | "pending" | "completed";
  priority?: Priority;
  tag?: string;
  due_before?: string;
  due_after?: string;
  overdue?: boolean;
  query?: string;
  /** A list name ("what's on my work list?"). */
  list?: string;
  created_after?: string;
  completed_after?: string;
}

export interface NewTask {
  title: string;
  description?: string;
  priority?: Priority;
  tags?: string[];
  due_at?: string;
  /** From "remind me in 2 hours" / "remind me 30 minutes before" (add_task's `reminders`). */
  reminders?: Reminder[];
  /** "every month": what the grammar read, as add_task takes it. */
  recurrence?: { rule: string; text: string; from: "due" | "completion" };
  /** `#List` / `/Section` from the grammar, or "under the party task". */
  list?: string;
  section?: string;
  parent?: string;
}

export interface Changes {
  title?: string;
  description?: string | null;
  priority?: Priority | null;
  add_tags?: string[];
  remove_tags?: string[];
  tags?: string[] | null;
  due_at?: string | null;
  /** The new due date was said without a time ("push it to Friday"): keep the task's time of day. */
  keep_time?: boolean;
  /** "postpone it by a day": move the current due date by this much (needs the task's due date). */
  shift?: Duration;
  /** "make task 4 repeat monthly" (the grammar's reading, as update_task takes it); null: "stop repeating task 4". */
  recurrence?: { rule: string; text: string; from: "due" | "completion" } | null;
  /** "remind me about task 3 30 minutes before"; null: "remove the reminders from task 3". Replaces the task's reminders. */
  reminders?: Reminder[] | null;
}

export type Intent =
  | { kind: "help" }
  /** Nothing matched: say so briefly, with the closest actions. */
  | { kind: "unknown"; text: string }
  | { kind: "chat"; reply: string }
  | { kind: "confirm"; yes: boolean }
  | { kind: "add"; task: NewTask; guess?: { list: string; title: string } }
  | { kind: "create-list"; name: string }
  /** "what lists do I have?", "show my lists": the lists themselves, not their tasks. */
  | { kind: "lists" }
  | { kind: "move"; target: Target; list: string }
  | { kind: "list"; filter: Filter; sort?: "due_at" | "priority"; label: string }
  | { kind: "show"; target: Target }
  | { kind: "complete"; target: Target; completed: boolean }
  | { kind: "update"; target: Target; changes: Changes }
  | { kind: "delete"; target: Target }
  | { kind: "bulk-complete"; filter: Filter; completed: boolean; label: string }
  | { kind: "bulk-delete"; filter: Filter; label: string }
  /** "move all overdue tasks to tomorrow": the same change to every task a filter matches. */
  | { kind: "bulk-update"; filter: Filter; changes: Changes; label: string }
  /** Several requests in one message, done in order: "add X, then mark task 3 done". */
  | { kind: "compound"; parts: Intent[] }
  /** Only a reference ("the second one", "3"): continues the previous request. */
  | { kind: "pick"; target: Target };

export type TargetedIntent = Exclude<Extract<Intent, { target: Target }>, { kind: "pick" }>;
