/**
 * Input contracts of the task tools shared by the chat assistant and the MCP
 * server (results: tool-results.ts; what each tool is: tool-specs.ts). No tool
 * takes a user id: the user is bound from the verified token.
 *
 * Dates: `due_at` accepts ISO 8601 with a zone ("2026-11-29T09:00:00Z"), a local
 * date-time ("2026-11-29T09:00", read in the user's time zone) or a date
 * ("2026-11-29", the end of that day in the user's time zone).
 */
import * as z from "zod";
import { ListColor, ListName, MANY_MAX } from "./list.ts";
import { Description, Priority, RECURRENCE_TEXT_MAX, RecurrenceInput, Tag, TaskId as TaskNumber, TaskStatus, Title } from "./task.ts";
import { NO_NUL } from "./text.ts";
import { BEFORE_MINUTES_MAX, REMINDERS_PER_TASK } from "./reminder.ts";

export const LooseDate = z
  .string()
  .trim()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/,
    "use ISO 8601: YYYY-MM-DD, YYYY-MM-DDTHH:mm or with a zone",
  )
  .describe("ISO 8601 date or date-time; without a zone it is read in the user's time zone");

const TaskId = TaskNumber.describe("the task number shown to the user");
/** Reminders as a tool writes them: an instant (a loose date, read in the user's zone) or minutes before the due date. */
export const ToolReminders = z
  .array(
    z.union([
      z.strictObject({ at: LooseDate.describe("when to remind; without a zone in the user's time zone") }),
      z.strictObject({ before_minutes: z.number().int().min(0).max(BEFORE_MINUTES_MAX).describe("minutes before the due date (needs due_at)") }),
    ]),
  )
  .max(REMINDERS_PER_TASK);
const TagList = z.array(z.string().max(40)).max(20);
const Words = z.string().trim().min(1).max(200).regex(NO_NUL);
/** A list by its number or its name (case-insensitive). */
export const ListRef = z.union([TaskNumber.describe("the list number"), ListName.describe("the list name")]);

export const TaskFilterInput = z.strictObject({
  status: TaskStatus.optional().describe("default: all"),
  priority: Priority.optional(),
  tag: Tag.optional(),
  due_before: LooseDate.optional(),
  due_after: LooseDate.optional(),
  created_after: LooseDate.optional().describe("created at or after"),
  completed_after: LooseDate.optional().describe("completed at or after (completed tasks only)"),
  overdue: z.boolean().optional().describe("only pending tasks whose due date has passed"),
  query: z.string().max(200).regex(NO_NUL).optional().describe("words to find in title or description"),
});
export type TaskFilterInput = z.infer<typeof TaskFilterInput>;

/** Recurrence words, read by the quick-add grammar in the user's zone. */
const RepeatText = z
  .string()
  .trim()
  .min(1)
  .max(RECURRENCE_TEXT_MAX)
  .regex(NO_NUL)
  .describe("how it repeats, in words: 'every day', 'every monday at 9am', 'every month on the 15th', 'every! 2 weeks' (counts from completion), 'every day until dec 31'");
/** Words, or the task API's own `{ text }` / `{ rule }` (an RFC 5545 RRULE). */
const Repeat = z.union([RepeatText, RecurrenceInput]);

export const AddTaskInput = z.strictObject({
  title: Title,
  description: Description.optional(),
  priority: Priority.optional(),
  tags: TagList.optional(),
  due_at: LooseDate.optional(),
  list: ListRef.optional().describe("list name or number; default: the parent's list, else the Inbox"),
  section: ListName.optional().describe("section name inside the list"),
  parent: z.union([TaskId, Words]).optional().describe("makes it a subtask: the parent's task number or title words"),
  reminders: ToolReminders.optional().describe("'remind me in 2 hours' → [{at}], 'remind me 30 minutes before' → [{before_minutes: 30}]"),
  recurrence: Repeat.optional(),
});

export const ListTasksInput = TaskFilterInput.extend({
  list: ListRef.optional().describe("only tasks in this list (name or number)"),
  sort: z.enum(["created_at", "updated_at", "title", "due_at", "priority"]).optional(),
  limit: z.number().int().min(1).max(50).optional().describe("default 20"),
});

export const GetTaskInput = z.strictObject({ id: TaskId });

export const UpdateTaskInput = z.strictObject({
  id: TaskId,
  title: Title.optional(),
  description: Description.nullable().optional().describe("null clears it"),
  priority: Priority.nullable().optional().describe("null resets to none"),
  tags: TagList.nullable().optional().describe("replaces all tags; null clears them"),
  add_tags: TagList.optional(),
  remove_tags: TagList.optional(),
  due_at: LooseDate.nullable().optional().describe("null clears the due date"),
  reminders: ToolReminders.nullable().optional().describe("replaces the task's reminders; null or [] removes them"),
  recurrence: Repeat.nullable().optional().describe("how it repeats, in words ('every weekday at 9am'); null: stop repeating"),
});

export const SkipOccurrenceInput = z.strictObject({ id: TaskId });

export const CompleteTaskInput = z.strictObject({
  id: TaskId,
  completed: z.boolean().optional().describe("false marks it not done; default true"),
});

export const DeleteTaskInput = z.strictObject({ id: TaskId });

/** Bulk tools act on explicit ids or on a filter (not both empty). */
const BulkTarget = z.strictObject({
  ids: z.array(TaskId).max(100).optional(),
  filter: TaskFilterInput.optional(),
});

export const CompleteTasksInput = BulkTarget.extend({
  completed: z.boolean().optional().describe("false marks them not done; default true"),
});

export const DeleteTasksInput = BulkTarget.extend({
  confirm: z
    .boolean()
    .optional()
    .describe("false or absent: only preview what would be deleted; true: delete (after the user said yes)"),
});

/** Bulk edit by filter or ids: one all-or-nothing write, previewed until `confirm: true`. */
export const UpdateTasksInput = z
  .strictObject({
    ids: z.array(TaskId).max(MANY_MAX).optional().describe("the tasks the user saw in the preview (use with confirm: true)"),
    filter: TaskFilterInput.extend({ list: ListRef.optional().describe("only tasks in this list") }).optional(),
    due_at: LooseDate.nullable().optional().describe("the new due date for all of them; null clears it"),
    keep_time: z.boolean().optional().describe("true: each task keeps its own time of day, only the date changes"),
    priority: Priority.optional(),
    list: ListRef.optional().describe("move them to this list (name or number)"),
    add_tags: TagList.optional(),
    remove_tags: TagList.optional(),
    confirm: z
      .boolean()
      .optional()
      .describe("false or absent: only preview which tasks would change; true: change them (after the user said yes)"),
  })
  .refine((i) => i.ids !== undefined || i.filter !== undefined, "give ids or a filter")
  .refine(
    (i) => i.due_at !== undefined || i.priority !== undefined || i.list !== undefined || i.add_tags !== undefined || i.remove_tags !== undefined,
    "say what to change: due_at, priority, list, add_tags or remove_tags",
  );

export const ListListsInput = z.strictObject({
  archived: z.boolean().optional().describe("true: only archived lists; false: only active; default: all"),
});

export const CreateListInput = z.strictObject({ name: ListName, color: ListColor.optional() });

export const UpdateListInput = z.strictObject({
  list: ListRef,
  name: ListName.optional(),
  color: ListColor.optional(),
  archived: z.boolean().optional(),
});

export const MoveTasksInput = z.strictObject({
  ids: z.array(TaskId).min(1).max(100),
  list: ListRef.optional().describe("the list to move them to (name or number)"),
  section: ListName.optional().describe("a section of that list"),
  parent: TaskId.nullable().optional().describe("make them subtasks of this task; null: top level"),
  before_id: TaskId.optional(),
  after_id: TaskId.optional(),
});
