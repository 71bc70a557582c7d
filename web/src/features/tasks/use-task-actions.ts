/**
 * Task mutations, all optimistic: the list changes at once, the server call
 * follows. While the server is unreachable (or earlier offline writes still
 * wait) a write goes to the outbox instead and the list keeps showing it; a
 * write that fails because the server went away is queued too. A write the
 * server refuses puts the old task back and says so in a toast.
 */
import { useMemo } from "react";
import type { Task, TaskCreate, TaskPatch } from "#contracts/task.ts";
import { ApiError, isRetryable } from "../../lib/api-client.ts";
import { isOfflineStatus } from "../../lib/connectivity.ts";
import { newIdempotencyKey } from "../../lib/idempotency-key.ts";
import { applyPatch, enqueue, nextTempId, shouldQueue, type OutboxOp } from "../../lib/outbox.ts";
import { createTask, patchTask, setCompleted } from "../../lib/tasks-api.ts";
import { useToast } from "../../lib/toast.tsx";
import { cancelDelete, scheduleDelete, UNDO_WINDOW_MS } from "./pending-deletes.ts";
import type { TaskList } from "./use-task-list.ts";

const reason = (err: unknown) => (err instanceof ApiError ? err.message : "Something went wrong.");
const short = (title: string) => (title.length > 40 ? `${title.slice(0, 39)}…` : title);
/** The write never got an answer from the server: queue it rather than give up. */
export const wentOffline = (err: unknown) => err instanceof ApiError && isOfflineStatus(err.status);

type ListEdits = Pick<TaskList, "upsert" | "insert" | "remove" | "indexOf">;

/** Sends a write now, or queues it; true once it is either saved or safely queued. */
async function sendOrQueue<T>(op: OutboxOp, send: () => Promise<T>, onSaved: (value: T) => void): Promise<boolean> {
  if (shouldQueue()) {
    enqueue(op);
    return true;
  }
  try {
    onSaved(await send());
    return true;
  } catch (err) {
    if (!wentOffline(err)) throw err;
    enqueue(op);
    return true;
  }
}

export function useTaskActions(taskList: ListEdits, onCountsChanged: () => void) {
  const toast = useToast();
  const { upsert, insert, remove: removeFromList, indexOf } = taskList;

  return useMemo(() => {
    const list = { upsert, insert, remove: removeFromList, indexOf };

    /** Resolves false when the server refused the task (the quick-add box then gets its text back). */
    const add = async (input: TaskCreate): Promise<boolean> => {
      const now = new Date().toISOString();
      const temp: Task = {
        id: nextTempId(),
        title: input.title.trim(),
        description: input.description ?? null,
        completed: false,
        completed_at: null,
        // The server reads the recurrence's words; until it answers the row shows none.
        recurrence: null,
        completed_occurrences: 0,
        last_completed_at: null,
        priority: input.priority ?? "none",
        tags: input.tags ?? [],
        due_at: input.due_at ?? null,
        created_at: now,
        updated_at: now,
        // Placeholders until the server answers (0: the Inbox, whose number the page may not know yet).
        list_id: input.list_id ?? 0,
        section_id: input.section_id ?? null,
        parent_id: input.parent_id ?? null,
        position: 0,
      };
      const key = newIdempotencyKey();
      list.insert(temp, 0);
      try {
        return await sendOrQueue({ kind: "create", task: temp, input, key }, () => createTask(input, key), (saved) => {
          list.upsert(saved, temp.id);
          onCountsChanged();
        });
      } catch (err) {
        list.remove(temp.id);
        toast.show({
          tone: "error",
          message: `Couldn't add “${short(temp.title)}”: ${reason(err)}`,
          // A refused task (too long, invalid) would only be refused again: no Retry for it.
          action: isRetryable(err) ? { label: "Retry", onAction: () => void add(input) } : undefined,
        });
        return false;
      }
    };

    /** Sets completion; `restoreAt` puts the row back first when it already left the view (Undo). */
    const setDone = async (task: Task, completed: boolean, restoreAt?: number): Promise<boolean> => {
      const changed = { ...task, completed, completed_at: completed ? new Date().toISOString() : null };
      if (restoreAt === undefined) list.upsert(changed);
      else list.insert(changed, restoreAt);
      try {
        return await sendOrQueue({ kind: "complete", id: task.id, completed }, () => setCompleted(task.id, completed), (saved) => {
          list.upsert(saved);
          onCountsChanged();
        });
      } catch (err) {
        list.upsert(task);
        toast.show({ tone: "error", message: `Couldn't update “${short(task.title)}”: ${reason(err)}` });
        return false;
      }
    };

    const toggle = async (task: Task): Promise<void> => {
      const index = list.indexOf(task.id);
      const completed = !task.completed;
      if (!(await setDone(task, completed)) || !completed) return;
      // Completing is as undoable as deleting: the row may have left the view by then.
      toast.show({
        message: `Completed “${short(task.title)}”`,
        duration: UNDO_WINDOW_MS,
        action: { label: "Undo", onAction: () => void setDone({ ...task, completed: true }, false, Math.max(0, index)) },
      });
    };

    const update = async (task: Task, patch: TaskPatch): Promise<boolean> => {
      if (Object.keys(patch).length === 0) return true;
      list.upsert(applyPatch(task, patch));
      try {
        return await sendOrQueue({ kind: "patch", id: task.id, patch }, () => patchTask(task.id, patch), (saved) => {
          list.upsert(saved);
          onCountsChanged();
        });
      } catch (err) {
        list.upsert(task);
        toast.show({ tone: "error", message: `Couldn't save “${short(task.title)}”: ${reason(err)}` });
        return false;
      }
    };

    const remove = (task: Task): void => {
      const index = list.indexOf(task.id);
      list.remove(task.id);
      const restore = () => list.insert(task, index);
      scheduleDelete(task, {
        onDone: onCountsChanged,
        onError: (err) => {
          restore();
          toast.show({ tone: "error", message: `Couldn't delete “${short(task.title)}”: ${reason(err)}` });
        },
      });
      toast.show({
        message: `Deleted “${short(task.title)}”`,
        duration: UNDO_WINDOW_MS,
        action: {
          label: "Undo",
          onAction: () => {
            if (cancelDelete(task.id)) restore();
          },
        },
      });
    };

    return { add, toggle, update, remove };
  }, [upsert, insert, removeFromList, indexOf, onCountsChanged, toast]);
}
