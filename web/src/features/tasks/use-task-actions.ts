/**
 * Task mutations, all optimistic: the list changes at once, the server call
 * follows, and a failure puts the old task back and says so in a toast.
 */
import { useMemo } from "react";
import type { Task, TaskCreate, TaskPatch } from "#contracts/task.ts";
import { ApiError } from "../../lib/api-client.ts";
import { createTask, patchTask, setCompleted } from "../../lib/tasks-api.ts";
import { useToast } from "../../lib/toast.tsx";
import { cancelDelete, scheduleDelete, UNDO_WINDOW_MS } from "./pending-deletes.ts";
import type { TaskList } from "./use-task-list.ts";

const reason = (err: unknown) => (err instanceof ApiError ? err.message : "Something went wrong.");
const short = (title: string) => (title.length > 40 ? `${title.slice(0, 39)}…` : title);

let tempId = -1;

/** What a PATCH will most likely return, for showing it before the server answers. */
function applyPatch(task: Task, patch: TaskPatch): Task {
  const now = new Date().toISOString();
  return {
    ...task,
    ...(patch.title !== undefined && { title: patch.title.trim() }),
    ...(patch.description !== undefined && { description: patch.description || null }),
    ...(patch.priority !== undefined && { priority: patch.priority ?? "none" }),
    ...(patch.tags !== undefined && { tags: patch.tags ?? [] }),
    ...(patch.due_at !== undefined && { due_at: patch.due_at }),
    updated_at: now,
  };
}

type ListEdits = Pick<TaskList, "upsert" | "insert" | "remove" | "indexOf">;

export function useTaskActions(taskList: ListEdits, onCountsChanged: () => void) {
  const toast = useToast();
  const { upsert, insert, remove: removeFromList, indexOf } = taskList;

  return useMemo(() => {
    const list = { upsert, insert, remove: removeFromList, indexOf };
    const add = async (input: TaskCreate): Promise<void> => {
      const now = new Date().toISOString();
      const temp: Task = {
        id: tempId--,
        title: input.title.trim(),
        description: input.description ?? null,
        completed: false,
        completed_at: null,
        priority: input.priority ?? "none",
        tags: input.tags ?? [],
        due_at: input.due_at ?? null,
        created_at: now,
        updated_at: now,
      };
      list.insert(temp, 0);
      try {
        const saved = await createTask(input);
        list.upsert(saved, temp.id);
        onCountsChanged();
      } catch (err) {
        list.remove(temp.id);
        toast.show({
          tone: "error",
          message: `Couldn't add “${short(temp.title)}”: ${reason(err)}`,
          action: { label: "Retry", onAction: () => void add(input) },
        });
      }
    };

    const toggle = async (task: Task): Promise<void> => {
      const completed = !task.completed;
      list.upsert({ ...task, completed, completed_at: completed ? new Date().toISOString() : null });
      try {
        list.upsert(await setCompleted(task.id, completed));
        onCountsChanged();
      } catch (err) {
        list.upsert(task);
        toast.show({ tone: "error", message: `Couldn't update “${short(task.title)}”: ${reason(err)}` });
      }
    };

    const update = async (task: Task, patch: TaskPatch): Promise<boolean> => {
      if (Object.keys(patch).length === 0) return true;
      list.upsert(applyPatch(task, patch));
      try {
        list.upsert(await patchTask(task.id, patch));
        onCountsChanged();
        return true;
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
