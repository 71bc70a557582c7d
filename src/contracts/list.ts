/**
 * Lists (Todoist's projects), their sections, and the many-task writes that
 * organise tasks (move, bulk). Imports only zod and the task contract.
 */
import * as z from "zod";
import { DueAt, Priority, Tags, TaskId } from "./task.ts";
import { NO_NUL } from "./text.ts";

export const LIST_NAME_MAX = 100;
/** Lists per user (the Inbox included). */
export const LISTS_MAX = 500;
export const SECTIONS_PER_LIST_MAX = 200;
/** Ids in one move or bulk request. */
export const MANY_MAX = 500;
/** Subtask levels under a top-level task (Todoist's four). */
export const SUBTASK_DEPTH_MAX = 4;

export const LIST_COLORS = ["grey", "red", "orange", "yellow", "green", "teal", "blue", "purple", "pink"] as const;
export const ListColor = z.enum(LIST_COLORS);

/** List and section ids are per-user numbers with the same bounds as task ids. */
export const ListId = TaskId;

const name = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(LIST_NAME_MAX, `${what} must be at most ${LIST_NAME_MAX} characters`)
    .regex(NO_NUL, `${what} must not contain NUL characters`);
export const ListName = name("name");

export const List = z.object({
  id: z.number().int(),
  name: z.string(),
  color: ListColor,
  position: z.number(),
  is_inbox: z.boolean(),
  archived: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type List = z.infer<typeof List>;

export const ListCreate = z.strictObject({ name: ListName, color: ListColor.optional(), archived: z.boolean().optional() });
export const ListPatch = z.strictObject({ name: ListName, color: ListColor, archived: z.boolean(), position: z.number().int().min(0).max(2 ** 52) }).partial();
export type ListPatch = z.input<typeof ListPatch>;

export const ListQuery = z.strictObject({
  archived: z.union([z.boolean(), z.enum(["true", "false", "all"])]).optional(),
});

/** DELETE …/lists/{id}: what happens to its tasks; without it a non-empty list is 409. */
export const ListDeleteQuery = z.strictObject({ tasks: z.enum(["move", "delete"]).optional() });

export const Section = z.object({
  id: z.number().int(),
  list_id: z.number().int(),
  name: z.string(),
  position: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Section = z.infer<typeof Section>;

export const SectionCreate = z.strictObject({ name: ListName });
export const SectionPatch = z.strictObject({ name: ListName, position: z.number().int().min(0).max(2 ** 52) }).partial();

const Ids = z
  .array(TaskId)
  .min(1, "ids must name at least one task")
  .max(MANY_MAX, `at most ${MANY_MAX} ids`)
  .transform((ids) => [...new Set(ids)]);

/**
 * POST …/tasks/move: puts `ids` (in this order) into a list / section / under a
 * parent, before or after a sibling; omitted parts of the destination come from
 * the anchor or, failing that, are the top of the list.
 */
export const TaskMove = z
  .strictObject({
    ids: Ids,
    list_id: ListId.optional(),
    section_id: ListId.nullable().optional(),
    parent_id: TaskId.nullable().optional(),
    before_id: TaskId.optional(),
    after_id: TaskId.optional(),
  })
  .refine((m) => m.before_id === undefined || m.after_id === undefined, "give before_id or after_id, not both");
export type TaskMove = z.output<typeof TaskMove>;

export const BulkSet = z
  .strictObject({
    completed: z.boolean(),
    priority: Priority,
    tags_add: Tags,
    tags_remove: Tags,
    due_at: DueAt.nullable(),
    list_id: ListId,
  })
  .partial()
  .refine((s) => Object.keys(s).length > 0, "set must change at least one field");

/** POST …/tasks/bulk: all-or-nothing; `set` or `delete: true`. */
export const TaskBulk = z.union([
  z.strictObject({ ids: Ids, set: BulkSet }),
  z.strictObject({ ids: Ids, delete: z.literal(true) }),
]);
export type TaskBulk = z.output<typeof TaskBulk>;
