/**
 * Undo for changes the assistant made, through the ordinary task API. How a
 * result is undone is data on the tool's spec (`undo` in #contracts/tool-specs.ts):
 * delete what was created, PATCH the previous values back, set the completion
 * back, or create deleted tasks again (they get new numbers: the API has no
 * "restore"). The result is parsed with the tool's own schemas first.
 */
import type { TaskPatch } from "#contracts/task.ts";
import type { BulkPrevious, DeletedTask, MovePrevious, TaskSummary } from "#contracts/tool-results.ts";
import { readToolResult, toolSpec } from "#contracts/tool-specs.ts";
import { ApiError } from "../../lib/api-client.ts";
import { createTask, deleteTask, patchTask, setCompleted } from "../../lib/tasks-api.ts";
import { newIdempotencyKey } from "../../lib/idempotency-key.ts";
import { bulkEdit, deleteList, moveTasks, patchList } from "./undo-api.ts";

export interface UndoPlan {
  /** The button's accessible name, e.g. "Undo adding #4 Buy milk". */
  label: string;
  /** Reverts the change; resolves with what happened, e.g. "Restored as #9". */
  run: () => Promise<string>;
}

const ids = (xs: { id: number }[]) => xs.map((x) => `#${x.id}`).join(", ");

function recreate(t: DeletedTask) {
  return createTask({
    title: t.title,
    description: t.description,
    priority: t.priority,
    tags: t.tags,
    due_at: t.due_at,
    completed: t.status === "completed",
  }, newIdempotencyKey());
}

/** Runs every step, then reports how many worked (throws if none did). */
async function all<T, R>(items: T[], step: (t: T) => Promise<R>): Promise<{ ok: R[]; failed: number }> {
  const results = await Promise.allSettled(items.map(step));
  const ok = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failed = results.length - ok.length;
  if (ok.length === 0 && failed > 0) {
    const first = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    throw first.reason;
  }
  return { ok, failed };
}
const partial = (failed: number) => (failed ? ` (${failed} couldn't be restored)` : "");

/** They were all set to the same state; undo sets the other one. */
const backOf = (t: TaskSummary) => t.status !== "completed";
const verbOf = (back: boolean) => (back ? "reopening" : "completing");

const subtaskNote = (n: number) => (n ? ` (and ${n} ${n === 1 ? "subtask" : "subtasks"})` : "");

function completeOneBack(t: TaskSummary, subtasks: number[]): UndoPlan {
  const back = backOf(t);
  return {
    label: `Undo ${verbOf(back)} #${t.id} ${t.title}`,
    run: async () => {
      // Reopen the parent and exactly the subtasks completing it completed, in one all-or-nothing write.
      if (subtasks.length) await bulkEdit({ ids: [t.id, ...subtasks], set: { completed: false } });
      else await setCompleted(t.id, back);
      return back ? `#${t.id} is done again` : `#${t.id} is open again${subtaskNote(subtasks.length)}`;
    },
  };
}

/** A recurring task the assistant completed moved on to its next date; `completed: false` undoes that occurrence. */
function occurrenceBack(t: TaskSummary): UndoPlan {
  return { label: `Undo completing #${t.id} ${t.title}`, run: async () => (await setCompleted(t.id, false), `#${t.id} is due as before`) };
}

function completeManyBack(tasks: TaskSummary[], subtasks: number[], completed?: boolean): UndoPlan | null {
  if (!tasks[0]) return null;
  // Recurring tasks stay pending when completed, so the request's direction says what to undo when the result has it.
  const back = completed === undefined ? backOf(tasks[0]) : !completed;
  return {
    label: `Undo ${verbOf(back)} ${tasks.length === 1 ? `#${tasks[0].id}` : `${tasks.length} tasks`}`,
    run: async () => {
      await bulkEdit({ ids: [...tasks.map((t) => t.id), ...subtasks], set: { completed: back } });
      return `Set back ${tasks.length} ${tasks.length === 1 ? "task" : "tasks"}${subtaskNote(subtasks.length)}`;
    },
  };
}

/** Tasks whose old values are the same go back in one bulk edit; each distinct set of old values is one write. */
function restoreEach(previous: BulkPrevious[], now: TaskSummary[]): UndoPlan | null {
  const current = new Map(now.map((t) => [t.id, t]));
  const groups = new Map<string, { ids: number[]; set: Record<string, unknown> }>();
  for (const { id, ...old } of previous) {
    const set: Record<string, unknown> = {};
    if (old.due_at !== undefined) set.due_at = old.due_at;
    if (old.priority !== undefined) set.priority = old.priority;
    if (old.list_id !== undefined) set.list_id = old.list_id;
    if (old.tags !== undefined) {
      const had = new Set(old.tags);
      const has = current.get(id)?.tags ?? [];
      const added = has.filter((t) => !had.has(t));
      const removed = old.tags.filter((t) => !has.includes(t));
      if (added.length) set.tags_remove = added;
      if (removed.length) set.tags_add = removed;
    }
    if (Object.keys(set).length === 0) continue;
    const key = JSON.stringify(set);
    groups.set(key, { ids: [...(groups.get(key)?.ids ?? []), id], set });
  }
  const n = [...groups.values()].reduce((sum, g) => sum + g.ids.length, 0);
  if (n === 0) return null;
  return {
    label: `Undo changes to ${n === 1 ? "1 task" : `${n} tasks`}`,
    run: async () => {
      for (const g of groups.values()) await bulkEdit({ ids: g.ids, set: g.set });
      return `Restored ${n === 1 ? "1 task" : `${n} tasks`}`;
    },
  };
}

/** Each task back to where it was: one move per distinct list / section / parent. */
function moveBack(previous: MovePrevious[]): UndoPlan | null {
  if (previous.length === 0) return null;
  const groups = new Map<string, MovePrevious[]>();
  for (const p of previous) {
    const key = JSON.stringify([p.list_id, p.section_id, p.parent_id]);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return {
    label: `Undo moving ${previous.length === 1 ? `#${previous[0]!.id}` : `${previous.length} tasks`}`,
    run: async () => {
      for (const g of groups.values()) {
        const { list_id, section_id, parent_id } = g[0]!;
        await moveTasks({ ids: g.map((p) => p.id), list_id, section_id, parent_id });
      }
      return `Moved back ${previous.length === 1 ? `#${previous[0]!.id}` : `${previous.length} tasks`}`;
    },
  };
}

/** What Undo would do for this tool call, or null when there is nothing to undo. */
export function undoPlanFor(tool: string, result: unknown): UndoPlan | null {
  const r = readToolResult(tool, result);
  switch (toolSpec(tool)?.undo) {
    case "delete_created": {
      if (r.kind !== "task") return null;
      const t = r.task;
      return { label: `Undo adding #${t.id} ${t.title}`, run: async () => (await deleteTask(t.id), `Removed #${t.id}`) };
    }
    case "restore_previous": {
      if (r.kind !== "task" || !r.previous || Object.keys(r.previous).length === 0) return null;
      const { task: t, previous } = r;
      const patch: TaskPatch = previous;
      return { label: `Undo changes to #${t.id} ${t.title}`, run: async () => (await patchTask(t.id, patch), `Restored #${t.id}`) };
    }
    case "complete_back":
      if (r.kind === "task") {
        if (r.task.recurrence && r.changed?.includes("due_at") && !r.changed.includes("completed")) return occurrenceBack(r.task);
        return r.changed === undefined || r.changed.includes("completed") ? completeOneBack(r.task, r.completed_subtask_ids ?? []) : null;
      }
      return r.kind === "updated" ? completeManyBack(r.updated, r.completed_subtask_ids ?? [], r.completed) : null;
    case "restore_each":
      return r.kind === "bulk_updated" ? restoreEach(r.previous, r.updated) : null;
    case "move_back":
      return r.kind === "moved" && r.previous ? moveBack(r.previous) : null;
    case "delete_created_list": {
      if (r.kind !== "list_item") return null;
      const { list } = r;
      return { label: `Undo creating the list ${list.name}`, run: async () => (await deleteList(list.id), `Removed the list ${list.name}`) };
    }
    case "restore_list": {
      if (r.kind !== "list_item" || !r.previous || Object.keys(r.previous).length === 0) return null;
      const { list, previous } = r;
      return { label: `Undo changes to the list ${list.name}`, run: async () => (await patchList(list.id, previous), `Restored the list ${previous.name ?? list.name}`) };
    }
    case "recreate_deleted": {
      if (r.kind !== "deleted" || r.deleted.length === 0) return null;
      const { deleted } = r;
      return {
        label: deleted.length === 1 ? `Undo deleting #${deleted[0]!.id} ${deleted[0]!.title}` : `Undo deleting ${deleted.length} tasks`,
        run: async () => {
          const { ok, failed } = await all(deleted, recreate);
          return `Restored as ${ids(ok)} (new ${ok.length === 1 ? "number" : "numbers"})${partial(failed)}`;
        },
      };
    }
    case undefined:
    case null:
      return null;
  }
}

export function undoErrorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 404) return "That task no longer exists.";
    return err.message;
  }
  return "Something went wrong.";
}
