/**
 * Bulk edits of the selected tasks: one POST /tasks/bulk each, then ONE Undo
 * toast that restores every task as it was (see bulk-undo.ts). Deleting waits
 * out the undo window before its single bulk request is sent.
 */
import { useMemo } from "react";
import type { Task } from "#contracts/task.ts";
import { ApiError } from "../../lib/api-client.ts";
import { bulkTasks, moveTasks } from "../../lib/lists-api.ts";
import { notifyTasksChanged } from "../../lib/tasks-events.ts";
import { useToast } from "../../lib/toast.tsx";
import { bulkRequest, undoSteps, type BulkAction } from "./bulk-undo.ts";
import { cancelDelete, scheduleBulkDelete, UNDO_WINDOW_MS } from "./pending-deletes.ts";
import type { TaskList } from "./use-task-list.ts";

const reason = (err: unknown) => (err instanceof ApiError ? err.message : "Something went wrong.");
const n = (count: number) => `${count} ${count === 1 ? "task" : "tasks"}`;

const DONE: Record<BulkAction["kind"], string> = {
  complete: "Completed",
  priority: "Changed the priority of",
  tag: "Tagged",
  reschedule: "Rescheduled",
  move: "Moved",
};

export function useBulkActions(
  list: Pick<TaskList, "reload" | "remove" | "insert" | "indexOf">,
  page: () => readonly Task[],
  onCountsChanged: () => void,
) {
  const toast = useToast();
  return useMemo(() => {
    const changed = () => {
      list.reload();
      onCountsChanged();
      notifyTasksChanged();
    };

    const undo = async (steps: ReturnType<typeof undoSteps>) => {
      try {
        // In order: a run moved back after a sibling needs that sibling in place first.
        for (const s of steps) await ("bulk" in s ? bulkTasks(s.bulk) : moveTasks(s.move));
      } catch (err) {
        toast.show({ tone: "error", message: `Couldn't undo: ${reason(err)}` });
      }
      changed();
    };

    /** Resolves true once the server applied it (the selection may then be cleared). */
    const apply = async (tasks: Task[], action: BulkAction): Promise<boolean> => {
      const before = tasks.map((t) => ({ ...t }));
      const snapshot = [...page()];
      try {
        const result = await bulkTasks(
          bulkRequest(
            before.map((t) => t.id),
            action,
          ),
        );
        changed();
        const steps = undoSteps(action, before, snapshot, result);
        toast.show({
          message: `${DONE[action.kind]} ${n(before.length)}`,
          duration: UNDO_WINDOW_MS,
          action: steps.length ? { label: "Undo", onAction: () => void undo(steps) } : undefined,
        });
        return true;
      } catch (err) {
        toast.show({ tone: "error", message: `Couldn't change ${n(before.length)}: ${reason(err)}` });
        return false;
      }
    };

    const remove = (tasks: Task[]): void => {
      const places = tasks.map((t) => ({ task: t, index: list.indexOf(t.id) })).sort((a, b) => a.index - b.index);
      for (const t of tasks) list.remove(t.id);
      scheduleBulkDelete(tasks, {
        onDone: onCountsChanged,
        onError: (err) => {
          for (const p of places) list.insert(p.task, p.index);
          toast.show({ tone: "error", message: `Couldn't delete ${n(tasks.length)}: ${reason(err)}` });
        },
      });
      onCountsChanged();
      toast.show({
        message: `Deleted ${n(tasks.length)}`,
        duration: UNDO_WINDOW_MS,
        action: {
          label: "Undo",
          onAction: () => {
            let back = 0;
            for (const p of places) {
              if (!cancelDelete(p.task.id)) continue;
              list.insert(p.task, p.index);
              back++;
            }
            if (back) onCountsChanged();
          },
        },
      });
    };

    return { apply, remove };
  }, [list, page, onCountsChanged, toast]);
}
