/**
 * What each task tool is, as data shared by the server and the web: its name,
 * input and result contracts, what it does to tasks, the line shown while it
 * runs and how its result is undone. The server's tool definitions
 * (`src/assistant/tools/*`) are built from these; ChatKit progress and the
 * web's tool cards, summaries and undo read them, so nothing else switches on
 * tool names. Adding a tool means adding its spec here.
 */
import * as z from "zod";
import type { ProgressIcon } from "./chatkit.ts";
import { readResult, type ReadResult, type ResultKind } from "./tool-results.ts";
import {
  AddTaskInput,
  CompleteTaskInput,
  CompleteTasksInput,
  CreateListInput,
  DeleteTaskInput,
  DeleteTasksInput,
  GetTaskInput,
  ListListsInput,
  ListTasksInput,
  MoveTasksInput,
  SkipOccurrenceInput,
  UpdateListInput,
  UpdateTaskInput,
  UpdateTasksInput,
} from "./tools.ts";

export const TOOL_NAMES = [
  "add_task",
  "list_tasks",
  "get_task",
  "update_task",
  "complete_task",
  "delete_task",
  "complete_tasks",
  "delete_tasks",
  "list_lists",
  "create_list",
  "update_list",
  "move_tasks",
  "update_tasks",
  "skip_occurrence",
] as const;
export const ToolName = z.enum(TOOL_NAMES);
export type ToolName = z.infer<typeof ToolName>;

/** What a tool does to the tasks in its result (the web's summaries say it). */
export type ToolEffect = "read" | "create" | "update" | "complete" | "delete";

/**
 * How the web undoes a successful result, through the ordinary task API:
 * - `delete_created`: delete `task`;
 * - `restore_previous`: PATCH `previous` back onto `task`;
 * - `complete_back`: set `task` (or each of `updated`) to the other completion state, and reopen
 *   `completed_subtask_ids` (the subtasks that completing a parent completed);
 * - `recreate_deleted`: create each of `deleted` again (they get new numbers);
 * - `restore_each`: set each task's `previous` values back (bulk edits, one per distinct value set);
 * - `move_back`: move each task back to its `previous` list, section and parent;
 * - `delete_created_list`: delete the created `list` (its tasks, if any, go to the Inbox);
 * - `restore_list`: PATCH the list's `previous` values back.
 */
export type ToolUndo =
  | "delete_created"
  | "restore_previous"
  | "complete_back"
  | "recreate_deleted"
  | "restore_each"
  | "move_back"
  | "delete_created_list"
  | "restore_list";

export interface ToolProgress {
  icon: ProgressIcon;
  text: string;
}

export interface ToolSpec<N extends ToolName = ToolName, I extends z.ZodObject = z.ZodObject, K extends ResultKind = ResultKind> {
  name: N;
  input: I;
  /** The result kinds it answers with when it succeeds (any tool may answer a ToolError instead). */
  results: readonly K[];
  effect: ToolEffect;
  /** Whether it can change tasks: MCP hints, live updates, the web reloading its list. */
  mutates: boolean;
  /** Null: nothing to undo. */
  undo: ToolUndo | null;
  /** The line shown while it runs. `args` come from the model: nothing in them is trusted. */
  progress(args: Record<string, unknown>): ToolProgress;
}

const spec = <N extends ToolName, I extends z.ZodObject, K extends ResultKind>(s: Omit<ToolSpec<N, I, K>, "mutates">): ToolSpec<N, I, K> => ({
  ...s,
  mutates: s.effect !== "read",
});

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);
const titled = (v: unknown) => (typeof v === "string" && v.trim() ? `“${clip(v.trim().replace(/\s+/g, " "))}”` : "a task");
const numbered = (v: unknown) => (typeof v === "number" && Number.isInteger(v) ? `task #${v}` : "a task");
const reopens = (a: Record<string, unknown>) => a.completed === false;

export const TOOL_SPECS = {
  add_task: spec({
    name: "add_task",
    input: AddTaskInput,
    results: ["task"],
    effect: "create",
    undo: "delete_created",
    progress: (a) => ({ icon: "plus", text: `Adding ${titled(a.title)}…` }),
  }),
  list_tasks: spec({
    name: "list_tasks",
    input: ListTasksInput,
    results: ["list"],
    effect: "read",
    undo: null,
    progress: () => ({ icon: "search", text: "Looking through your tasks…" }),
  }),
  get_task: spec({
    name: "get_task",
    input: GetTaskInput,
    results: ["task"],
    effect: "read",
    undo: null,
    progress: (a) => ({ icon: "search", text: `Looking up ${numbered(a.id)}…` }),
  }),
  update_task: spec({
    name: "update_task",
    input: UpdateTaskInput,
    results: ["task"],
    effect: "update",
    undo: "restore_previous",
    progress: (a) => ({ icon: "write", text: `Updating ${numbered(a.id)}…` }),
  }),
  complete_task: spec({
    name: "complete_task",
    input: CompleteTaskInput,
    results: ["task"],
    effect: "complete",
    undo: "complete_back",
    progress: (a) => ({ icon: "check", text: `${reopens(a) ? "Reopening" : "Completing"} ${numbered(a.id)}…` }),
  }),
  delete_task: spec({
    name: "delete_task",
    input: DeleteTaskInput,
    results: ["deleted"],
    effect: "delete",
    undo: "recreate_deleted",
    progress: (a) => ({ icon: "document", text: `Deleting ${numbered(a.id)}…` }),
  }),
  complete_tasks: spec({
    name: "complete_tasks",
    input: CompleteTasksInput,
    results: ["updated"],
    effect: "complete",
    undo: "complete_back",
    progress: (a) => ({ icon: "check-circle", text: reopens(a) ? "Reopening tasks…" : "Completing tasks…" }),
  }),
  delete_tasks: spec({
    name: "delete_tasks",
    input: DeleteTasksInput,
    results: ["preview", "deleted"],
    effect: "delete",
    undo: "recreate_deleted",
    progress: (a) =>
      a.confirm === true ? { icon: "document", text: "Deleting tasks…" } : { icon: "search", text: "Checking which tasks would be deleted…" },
  }),
  list_lists: spec({
    name: "list_lists",
    input: ListListsInput,
    results: ["lists"],
    effect: "read",
    undo: null,
    progress: () => ({ icon: "search", text: "Looking at your lists…" }),
  }),
  create_list: spec({
    name: "create_list",
    input: CreateListInput,
    results: ["list_item"],
    effect: "create",
    undo: "delete_created_list",
    progress: (a) => ({ icon: "plus", text: `Creating the list ${titled(a.name)}…` }),
  }),
  update_list: spec({
    name: "update_list",
    input: UpdateListInput,
    results: ["list_item"],
    effect: "update",
    undo: "restore_list",
    progress: () => ({ icon: "write", text: "Updating a list…" }),
  }),
  move_tasks: spec({
    name: "move_tasks",
    input: MoveTasksInput,
    results: ["moved"],
    effect: "update",
    undo: "move_back",
    progress: () => ({ icon: "write", text: "Moving tasks…" }),
  }),
  update_tasks: spec({
    name: "update_tasks",
    input: UpdateTasksInput,
    results: ["update_preview", "bulk_updated"],
    effect: "update",
    undo: "restore_each",
    progress: (a) =>
      a.confirm === true ? { icon: "write", text: "Updating tasks…" } : { icon: "search", text: "Checking which tasks would change…" },
  }),
  skip_occurrence: spec({
    name: "skip_occurrence",
    input: SkipOccurrenceInput,
    results: ["task"],
    effect: "update",
    undo: "restore_previous",
    progress: (a) => ({ icon: "reload", text: `Skipping this occurrence of ${numbered(a.id)}…` }),
  }),
} satisfies { [N in ToolName]: ToolSpec<N> };

/** The spec of a tool name as it came over the wire (a model may name a tool that does not exist). */
export function toolSpec(name: string): ToolSpec | undefined {
  const known = ToolName.safeParse(name);
  return known.success ? TOOL_SPECS[known.data] : undefined;
}

/** The progress line for any tool call, known or not. */
export function toolProgress(name: string, args: unknown): ToolProgress {
  const a = args && typeof args === "object" && !Array.isArray(args) ? (args as Record<string, unknown>) : {};
  return toolSpec(name)?.progress(a) ?? { icon: "dots-horizontal", text: "Working…" };
}

/** A tool's result parsed with its own result schemas; `unknown` for an unknown tool or shape. */
export function readToolResult(name: string, raw: unknown): ReadResult {
  return readResult(toolSpec(name)?.results ?? [], raw);
}

const UNCHANGED = new Set<ReadResult["kind"]>(["error", "preview", "update_preview", "pending", "unknown"]);

/** A result that asks the user a yes/no question (a preview of a bulk delete or edit). */
export function awaitsConfirmation(name: string, raw: unknown): boolean {
  const { kind } = readToolResult(name, raw);
  if (kind === "preview") return (raw as { would_delete: unknown[] }).would_delete.length > 0;
  if (kind === "update_preview") return (raw as { would_update: unknown[] }).would_update.length > 0;
  return false;
}

/** Whether a tool call's result means the user's tasks changed (a preview or an error changes nothing). */
export function changesTasks(name: string, raw: unknown): boolean {
  if (!toolSpec(name)?.mutates) return false;
  const { kind } = readToolResult(name, raw);
  return !UNCHANGED.has(kind);
}
