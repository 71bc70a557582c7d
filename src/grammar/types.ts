/** What the quick-add grammar reads out of one line of text. Plain data, JSON-safe. */
import type { Priority } from "../contracts/task.ts";

export interface GrammarContext {
  /** The instant "now"; every relative phrase counts from it. */
  now: Date;
  /** IANA zone in which "tomorrow", "9am" and "every day" are meant. */
  timeZone: string;
  /** How "5/12" reads: "mdy" (May 12, the default) or "dmy" (5 December). See `dateOrderFor`. */
  dateOrder?: DateOrder;
  /** Known list names, so `#Big Project` can match a multi-word name without quotes. */
  lists?: readonly string[];
  /** Known section names, likewise for `/Next Up`. */
  sections?: readonly string[];
}

export type DateOrder = "mdy" | "dmy";

export interface Due {
  /** Local calendar date in the context's zone, `YYYY-MM-DD`. */
  date: string;
  /** Local time `HH:MM` (24 h), absent for "some time that day". */
  time?: string;
  /**
   * The instant as ISO 8601 with the zone's offset. A date without a time is
   * 23:59:59 local, the convention of the task API (`due_at`).
   */
  at: string;
}

export interface Recurrence {
  /** Canonical English text; parsing it again gives the same rule. */
  text: string;
  /** RFC 5545 RRULE value (without the `RRULE:` prefix), local to the context's zone. */
  rule: string;
  /** "completion": the next date counts from when the task was done (Todoist's `every!`). */
  from: "due" | "completion";
}

export type Reminder = { at: string } | { before_minutes: number };

export type SpanKind = "due" | "recurrence" | "reminder" | "list" | "section" | "label" | "priority";

/** One understood phrase: where it is in the input and what it means. */
export type Span = { start: number; end: number; text: string } & (
  | { kind: "due"; value: DuePart }
  | { kind: "recurrence"; value: RecurrencePart }
  | { kind: "reminder"; value: ReminderPart }
  | { kind: "list"; value: string }
  | { kind: "section"; value: string }
  | { kind: "label"; value: string[] }
  | { kind: "priority"; value: Priority }
);

export interface QuickAdd {
  /** The input without the understood phrases, spaces and stray commas tidied; case as typed. */
  title: string;
  due: Due | null;
  recurrence: Recurrence | null;
  reminders: Reminder[];
  list: string | null;
  section: string | null;
  /** Lowercased, distinct, in order of appearance. */
  labels: string[];
  /** null when the text does not say; "none" for an explicit p4. */
  priority: Priority | null;
  /** In input order. */
  spans: Span[];
}

/** A date phrase before it is combined with others: a day, a time of day, or an exact instant. */
export interface DuePart {
  /** `YYYY-MM-DD`; absent for a time-only phrase ("9am"). */
  date?: string;
  /** `HH:MM`; absent for a date-only phrase. */
  time?: string;
  /** Exact instant (ms) for "in 2 hours", which must not round-trip through a wall clock. */
  instant?: number;
}

export interface RecurrencePart {
  recurrence: Recurrence;
  /** "starting dec 1": the first occurrence, used as the due date when none is given. */
  starting?: DuePart;
}

export type ReminderPart =
  | { before_minutes: number }
  | { instant: number }
  /** "remind me at 8am": on the due date when there is one, else the next 8:00. */
  | { date?: string; time: string };
