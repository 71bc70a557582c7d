/**
 * Undo for changes the assistant made, through the ordinary task API. How a
 * result is undone is data on the tool's spec (`undo` in #contracts/tool-specs.ts):
 * delete what was created, PATCH the previous values back, set the completion
 * back, or create deleted tasks again (they get new numbers: the API has no
 * "restore"). The result is parsed with the tool's own schemas first.
 */
import type { TaskPatch } from "#contracts/task.ts";
import type { DeletedTask, TaskSummary } from "#contracts/tool-results.ts";
import { readToolResult, toolSpec } from "#contracts/tool-specs.ts";
import { ApiError } from "../../lib/api-client.ts";
import { createTask, deleteTask, patchTask, setCompleted } from "../../lib/tasks-api.ts";
import { newIdempotencyKey } from "../../lib/idempotency-key.ts";

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

function completeOneBack(t: TaskSummary): UndoPlan {
  const back = backOf(t);
  return {
    label: `Undo ${verbOf(back)} #${t.id} ${t.title}`,
    run: async () => (await setCompleted(t.id, back), back ? `#${t.id} is done again` : `#${t.id} is open again`),
  };
}

/** A recurring task the assistant completed moved on to its next date; `completed: false` undoes that occurrence. */
function occurrenceBack(t: TaskSummary): UndoPlan {
  return { label: `Undo completing #${t.id} ${t.title}`, run: async () => (await setCompleted(t.id, false), `#${t.id} is due as before`) };
}

function completeManyBack(tasks: TaskSummary[], completed?: boolean): UndoPlan | null {
  if (!tasks[0]) return null;
  // Recurring tasks stay pending when completed, so the request's direction says what to undo when the result has it.
  const back = completed === undefined ? backOf(tasks[0]) : !completed;
  return {
    label: `Undo ${verbOf(back)} ${tasks.length === 1 ? `#${tasks[0].id}` : `${tasks.length} tasks`}`,
    run: async () => {
      const { ok, failed } = await all(tasks, (t) => setCompleted(t.id, back));
      return `Set back ${ok.length} ${ok.length === 1 ? "task" : "tasks"}${partial(failed)}`;
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
        return r.changed === undefined || r.changed.includes("completed") ? completeOneBack(r.task) : null;
      }
      return r.kind === "updated" ? completeManyBack(r.updated, r.completed) : null;
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
