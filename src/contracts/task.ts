/**
 * The task contract: one zod schema per request/response shape, shared by the
 * REST routes, the assistant's tools and the web app. Imports only zod.
 */
import * as z from "zod";
import { NO_NUL } from "./text.ts";
import { DueAt } from "./instant.ts";
import { ReminderList, Reminder } from "./reminder.ts";

export const PRIORITIES = ["none", "low", "medium", "high"] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2000;
export const TAGS_MAX = 20;
export const TAG_MAX = 40;
/** Task ids are PostgreSQL `integer`s: anything larger is a validation error, never a database one. */
export const TASK_ID_MAX = 2_147_483_647;

/** A task's number as every surface takes it (REST paths coerce to it, tools take it as JSON). */
export const TaskId = z
  .number()
  .int("a task number is a whole number")
  .positive("a task number is at least 1")
  .max(TASK_ID_MAX, `task numbers go up to ${TASK_ID_MAX}`);

export const Title = z
  .string()
  .trim()
  .min(1, "title must not be empty")
  .max(TITLE_MAX, `title must be at most ${TITLE_MAX} characters`)
  .regex(NO_NUL, "title must not contain NUL characters");

export const Description = z
  .string()
  .max(DESCRIPTION_MAX, `description must be at most ${DESCRIPTION_MAX} characters`)
  .regex(NO_NUL, "description must not contain NUL characters");

/** Tags are lowercased, trimmed and de-duplicated; a leading `#` is dropped. */
export const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .transform((t) => t.replace(/^#/, ""))
  .pipe(
    z
      .string()
      .min(1, "tag must not be empty")
      .max(TAG_MAX, `tag must be at most ${TAG_MAX} characters`)
      .regex(/^[\p{L}\p{N}_-]+$/u, "tags may contain letters, digits, '-' and '_'"),
  );

export const Tags = z
  .array(Tag)
  .max(TAGS_MAX * 4, `at most ${TAGS_MAX} tags`)
  .transform((tags) => [...new Set(tags)])
  .pipe(z.array(z.string()).max(TAGS_MAX, `at most ${TAGS_MAX} distinct tags`));

export { DueAt };

export const RECURRENCE_TEXT_MAX = 200;
export const RECURRENCE_RULE_MAX = 500;
export const RecurrenceFrom = z.enum(["due", "completion"]);
export type RecurrenceFrom = z.infer<typeof RecurrenceFrom>;

/** How a task repeats: an RFC 5545 RRULE local to the user's zone, its words, and what the next date counts from. */
export const Recurrence = z.object({ rule: z.string(), text: z.string(), from: RecurrenceFrom });
export type Recurrence = z.infer<typeof Recurrence>;

const RecurrenceText = z
  .string()
  .trim()
  .min(1, "recurrence text must not be empty")
  .max(RECURRENCE_TEXT_MAX, `recurrence text must be at most ${RECURRENCE_TEXT_MAX} characters`)
  .regex(NO_NUL, "recurrence text must not contain NUL characters");

/**
 * A write: `{ text }` is read by the quick-add grammar ("every monday at 9am"),
 * `{ rule }` is an RRULE checked by the server (`text` then only labels it).
 * `from` overrides what the text says ("every!" / "after completion").
 */
export const RecurrenceInput = z.union([
  z.strictObject({
    rule: z
      .string()
      .trim()
      .toUpperCase()
      .transform((r) => r.replace(/^RRULE:/, ""))
      .pipe(z.string().min(1, "rule must not be empty").max(RECURRENCE_RULE_MAX, `rule must be at most ${RECURRENCE_RULE_MAX} characters`).regex(/^[A-Z0-9=;,+-]+$/, "rule must be an RRULE value such as FREQ=WEEKLY;BYDAY=MO")),
    text: RecurrenceText.optional(),
    from: RecurrenceFrom.optional(),
  }),
  z.strictObject({ text: RecurrenceText, from: RecurrenceFrom.optional() }),
]);
export type RecurrenceInput = z.output<typeof RecurrenceInput>;

export const TaskCreate = z.strictObject({
  title: Title,
  description: Description.nullish(),
  priority: Priority.optional(),
  tags: Tags.optional(),
  due_at: DueAt.nullish(),
  completed: z.boolean().optional(),
  /** Default: the parent's list, else the Inbox. */
  list_id: TaskId.optional(),
  section_id: TaskId.nullish(),
  parent_id: TaskId.nullish(),
  /** Up to five; see reminder.ts. */
  reminders: ReminderList.optional(),
  /** Null or absent: not recurring. A recurring task without `due_at` is due at its first occurrence after now. */
  recurrence: RecurrenceInput.nullish(),
});
export type TaskCreate = z.input<typeof TaskCreate>;

/** PUT: the whole task's fields; where it sits is changed by POST …/tasks/move. */
export const TaskReplace = TaskCreate.omit({ list_id: true, section_id: true, parent_id: true });

/** PATCH: only what is sent changes; `null` clears description, tags, due date, priority. */
export const TaskPatch = z
  .strictObject({
    title: Title,
    description: Description.nullable(),
    priority: Priority.nullable(),
    tags: Tags.nullable(),
    due_at: DueAt.nullable(),
    completed: z.boolean(),
    /** Replaces the task's reminders; `null` or `[]` removes them all. */
    reminders: ReminderList.nullable(),
    recurrence: RecurrenceInput.nullable(),
  })
  .partial();
export type TaskPatch = z.input<typeof TaskPatch>;

/** PATCH …/complete: `{ completed }` sets it; an empty body toggles. */
export const TaskComplete = z.strictObject({ completed: z.boolean().optional() });

export const Task = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  completed: z.boolean(),
  completed_at: z.string().nullable(),
  priority: Priority,
  tags: z.array(z.string()),
  due_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  list_id: z.number().int(),
  section_id: z.number().int().nullable(),
  parent_id: z.number().int().nullable(),
  position: z.number(),
  recurrence: Recurrence.nullable(),
  /** Occurrences of a recurring task completed so far; `last_completed_at` is the latest. */
  completed_occurrences: z.number().int(),
  last_completed_at: z.string().nullable(),
  /** Direct subtasks (list and get responses). */
  subtask_counts: z.object({ total: z.number(), completed: z.number() }).optional(),
  /** The task's reminders (list, get, create and update responses). */
  reminders: z.array(Reminder).optional(),
});
export type Task = z.infer<typeof Task>;

/** `relevance` needs `q`; `position` is the default inside one list. */
export const TASK_SORTS = ["created_at", "updated_at", "title", "due_at", "priority", "position", "relevance"] as const;
export const TaskSort = z.enum(TASK_SORTS);
export type TaskSort = z.infer<typeof TaskSort>;
export const TaskStatus = z.enum(["all", "pending", "completed"]);
export type TaskStatus = z.infer<typeof TaskStatus>;

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

const boolFlag = z.union([z.boolean(), z.enum(["true", "false", "1", "0"])]).transform((v) => v === true || v === "true" || v === "1");

/**
 * The list filters. Query strings arrive as strings (repeatable keys as arrays);
 * the assistant's tools pass the same shape as JSON.
 */
export const TaskListQuery = z.strictObject({
  status: TaskStatus.default("all"),
  priority: oneOrMany(Priority).optional(),
  tag: oneOrMany(Tag).optional(),
  due_before: DueAt.optional(),
  due_after: DueAt.optional(),
  /** Created / completed at or after this instant: "what did I add today?", "what did I finish this week?". */
  created_after: DueAt.optional(),
  completed_after: DueAt.optional(),
  overdue: boolFlag.optional(),
  q: z.string().trim().max(200).regex(NO_NUL, "q must not contain NUL characters").optional(),
  list_id: z.coerce.number().pipe(TaskId).optional(),
  section_id: z.union([z.literal("none"), z.coerce.number().pipe(TaskId)]).optional(),
  /** `none`: top-level tasks only. */
  parent_id: z.union([z.literal("none"), z.coerce.number().pipe(TaskId)]).optional(),
  /** Default: relevance with `q`, position with `list_id`, else created_at. */
  sort: TaskSort.optional(),
  order: z.enum(["asc", "desc"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});
export type TaskListQuery = z.input<typeof TaskListQuery>;
export type TaskFilter = Omit<z.output<typeof TaskListQuery>, "sort"> & { sort: TaskSort };

export const TaskPage = z.object({
  tasks: z.array(Task),
  next_cursor: z.string().nullable(),
});
export type TaskPage = z.infer<typeof TaskPage>;

/** Counts shown beside each filter in the web app. */
export const TaskCounts = z.object({
  all: z.number(),
  pending: z.number(),
  completed: z.number(),
  overdue: z.number(),
  due_today: z.number(),
  upcoming: z.number(),
  /** Per list (every list of the user, archived ones too). */
  lists: z.array(z.object({ list_id: z.number(), all: z.number(), pending: z.number(), completed: z.number() })),
});
export type TaskCounts = z.infer<typeof TaskCounts>;
