/**
 * What the task tools return: small JSON the model, MCP clients and the web's
 * tool cards read. Each shape is a zod schema so the web parses stored and
 * streamed results instead of checking them by hand. On the wire these are
 * exactly the objects the tools have always returned.
 */
import * as z from "zod";
import { Priority, Recurrence, Task } from "./task.ts";

export const TaskRef = z.object({ id: z.number(), title: z.string() });
export type TaskRef = z.infer<typeof TaskRef>;

export const TaskSummary = TaskRef.extend({
  status: z.enum(["pending", "completed"]),
  priority: Priority,
  tags: z.array(z.string()),
  due_at: z.string().nullable(),
  /** Absent in results stored before recurring tasks existed. */
  recurrence: Recurrence.nullable().optional(),
  completed_occurrences: z.number().optional(),
});
export type TaskSummary = z.infer<typeof TaskSummary>;

/** A deleted task with what is needed to create it again (undo). */
export const DeletedTask = TaskSummary.extend({ description: z.string().nullable() });
export type DeletedTask = z.infer<typeof DeletedTask>;

/** The old values of the fields an update changed (undo PATCHes them back). */
export const TaskPrevious = Task.pick({ title: true, description: true, priority: true, tags: true, due_at: true, completed: true, recurrence: true }).partial();
export type TaskPrevious = z.infer<typeof TaskPrevious>;

/** add_task, get_task (with the description), update_task and complete_task. */
export const TaskResult = z.object({
  task: TaskSummary.extend({ description: z.string().nullable().optional() }),
  /** The fields that changed (update_task, complete_task). */
  changed: z.array(z.string()).optional(),
  previous: TaskPrevious.optional(),
  /** complete_task: the open subtasks completing it completed too (an Undo reopens exactly these). */
  completed_subtask_ids: z.array(z.number()).optional(),
});
/** list_tasks: `total` counts every match, `tasks` at most `limit` of them. */
export const ListResult = z.object({ tasks: z.array(TaskSummary), total: z.number() });
/** delete_task, and delete_tasks with `confirm: true`. */
export const DeletedResult = z.object({ deleted: z.array(DeletedTask) });
/** delete_tasks without `confirm`: nothing was deleted yet. */
export const PreviewResult = z.object({ preview: z.literal(true), would_delete: z.array(TaskRef) });
/** complete_tasks (with the subtasks completing them completed too). */
/** `completed` is what was asked (a recurring task stays pending, due at its next date). */
export const UpdatedResult = z.object({ updated: z.array(TaskSummary), completed_subtask_ids: z.array(z.number()).optional(), completed: z.boolean().optional() });
/** update_tasks without `confirm`: what would change; nothing did yet. */
export const UpdatePreviewResult = z.object({ preview: z.literal(true), would_update: z.array(TaskRef), total: z.number() });
/** One task's old values of the fields a bulk update changed (undo sets them back). */
export const BulkPrevious = z.object({
  id: z.number(),
  due_at: z.string().nullable().optional(),
  priority: Priority.optional(),
  tags: z.array(z.string()).optional(),
  list_id: z.number().optional(),
});
export type BulkPrevious = z.infer<typeof BulkPrevious>;
/** update_tasks with `confirm: true`: every matched task as it is now, and what each was before. */
export const BulkUpdatedResult = z.object({ updated: z.array(TaskSummary), previous: z.array(BulkPrevious) });

export const ListSummary = z.object({
  id: z.number(),
  name: z.string(),
  color: z.string(),
  is_inbox: z.boolean(),
  archived: z.boolean(),
});
export type ListSummary = z.infer<typeof ListSummary>;
/** list_lists: every list with its open-task count. */
export const ListsResult = z.object({ lists: z.array(ListSummary.extend({ open: z.number() })) });
/** create_list and update_list (with the old values of what changed). */
export const ListItemResult = z.object({
  list: ListSummary,
  previous: ListSummary.pick({ name: true, color: true, archived: true }).partial().optional(),
});
/** Where a moved task was before (undo moves it back). */
export const MovePrevious = z.object({ id: z.number(), list_id: z.number(), section_id: z.number().nullable(), parent_id: z.number().nullable() });
export type MovePrevious = z.infer<typeof MovePrevious>;
/** move_tasks: the moved tasks and where they went (and, since undo, where they came from). */
export const MovedResult = z.object({ moved: z.array(TaskSummary), list: ListSummary, previous: z.array(MovePrevious).optional() });

/**
 * Any tool may answer with an error instead. `request_id` names the server log
 * line of an unexpected failure; nothing else about it leaves the server.
 */
export const ToolError = z.object({
  error: z.object({ code: z.string(), message: z.string(), request_id: z.string().optional() }),
});
export type ToolError = z.infer<typeof ToolError>;

/** The successful result shapes, by kind. A tool's spec names the kinds it returns. */
export const RESULT_SCHEMAS = {
  task: TaskResult,
  list: ListResult,
  deleted: DeletedResult,
  preview: PreviewResult,
  updated: UpdatedResult,
  update_preview: UpdatePreviewResult,
  bulk_updated: BulkUpdatedResult,
  lists: ListsResult,
  list_item: ListItemResult,
  moved: MovedResult,
} as const;
export type ResultKind = keyof typeof RESULT_SCHEMAS;
export type ResultOf<K extends ResultKind> = z.output<(typeof RESULT_SCHEMAS)[K]>;

/** Everything a tool may return. */
export type ToolResult = ResultOf<ResultKind> | ToolError;

/** A result read back (e.g. by the web) with its kind named; `pending` while the tool runs. */
export type ReadResult =
  | { [K in ResultKind]: { kind: K } & ResultOf<K> }[ResultKind]
  | { kind: "error"; code: string; message: string; request_id?: string | undefined }
  | { kind: "pending" }
  | { kind: "unknown" };

/** Reads a raw result as one of the given kinds (the first schema that accepts it), an error, or unknown. */
export function readResult(kinds: readonly ResultKind[], raw: unknown): ReadResult {
  if (raw === undefined || raw === null) return { kind: "pending" };
  const error = ToolError.safeParse(raw);
  if (error.success) return { kind: "error", ...error.data.error };
  for (const kind of kinds) {
    const r = RESULT_SCHEMAS[kind].safeParse(raw);
    if (r.success) return { kind, ...r.data } as ReadResult;
  }
  return { kind: "unknown" };
}
