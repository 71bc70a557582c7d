import { useMemo, useState } from "react";
import type { Task } from "#contracts/task.ts";
import { ApiError } from "../../lib/api-client.ts";
import type { ListParams } from "../../lib/tasks-api.ts";
import { useTasksChanged } from "../../lib/tasks-events.ts";
import { useToast } from "../../lib/toast.tsx";
import { UNDO_WINDOW_MS } from "../tasks/pending-deletes.ts";
import { startOfDay } from "../tasks/task-dates.ts";
import type { TaskItemHandlers } from "../tasks/task-item.tsx";
import { TaskList } from "../tasks/task-list.tsx";
import { useTaskActions } from "../tasks/use-task-actions.ts";
import { useTaskList } from "../tasks/use-task-list.ts";
import { setDueMany } from "./date-api.ts";
import { allDayOn } from "./days.ts";

export type EditActions = Pick<ReturnType<typeof useTaskActions>, "update" | "remove">;

interface Props {
  /** The Today view's filters (search, priority, tag) apply here too. */
  filters: Pick<ListParams, "priority" | "tag" | "q">;
  onTag: (tag: string) => void;
  /** Opens the page's editor on one of these tasks, saving through this group's list. */
  onEdit: (t: Task, actions: EditActions) => void;
  /** Something here changed what Today or the counts show. */
  onChanged: () => void;
}

const plural = (n: number) => `${n} ${n === 1 ? "task" : "tasks"}`;

/**
 * Today's "Overdue" group: pending tasks due before today, with "Reschedule all
 * to today" (one bulk request; Undo puts every task back on its own date).
 * Renders nothing when nothing is overdue.
 */
export function OverdueGroup({ filters, onTag, onEdit, onChanged }: Props) {
  const params = useMemo<ListParams>(
    () => ({
      ...filters,
      status: "pending",
      due_before: startOfDay(new Date()).toISOString(),
      sort: "due_at",
      order: "asc",
    }),
    [filters],
  );
  const list = useTaskList(params);
  const actions = useTaskActions(list, onChanged);
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  useTasksChanged(() => list.reload());

  const handlers = useMemo<TaskItemHandlers>(
    () => ({
      onToggle: (t) => void actions.toggle(t),
      onRename: (t, title) => void actions.update(t, { title }),
      onEdit: (t: Task) => onEdit(t, actions),
      onDelete: (t) => actions.remove(t),
      onTag,
    }),
    [actions, onTag, onEdit],
  );

  const { tasks, status } = list.state;
  if (status !== "ready" || tasks.length === 0) return null;

  async function rescheduleAll() {
    const moved = list.state.tasks.filter((t) => t.id > 0 && t.due_at);
    if (moved.length === 0) return;
    setBusy(true);
    try {
      await setDueMany(
        moved.map((t) => t.id),
        allDayOn(new Date()),
      );
    } catch (err) {
      toast.show({
        tone: "error",
        message: `Couldn't reschedule: ${err instanceof ApiError ? err.message : "something went wrong."}`,
      });
      return;
    } finally {
      setBusy(false);
    }
    for (const t of moved) list.remove(t.id);
    onChanged();
    toast.show({
      message: `Moved ${plural(moved.length)} to today`,
      duration: UNDO_WINDOW_MS,
      action: { label: "Undo", onAction: () => void undo(moved) },
    });
  }

  /** Every task back on the due date it had: one bulk request per distinct date. */
  async function undo(moved: Task[]) {
    const byDue = new Map<string, number[]>();
    for (const t of moved) byDue.set(t.due_at!, [...(byDue.get(t.due_at!) ?? []), t.id]);
    try {
      await Promise.all([...byDue].map(([due, ids]) => setDueMany(ids, due)));
    } catch (err) {
      toast.show({
        tone: "error",
        message: `Couldn't undo: ${err instanceof ApiError ? err.message : "something went wrong."}`,
      });
    }
    list.reload();
    onChanged();
  }

  return (
    <section className="date-group overdue-group" aria-labelledby="overdue-heading" data-testid="overdue-group">
      <div className="date-group-heading">
        <h2 id="overdue-heading">
          Overdue <span className="muted">{plural(tasks.length)}</span>
        </h2>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void rescheduleAll()}
          disabled={busy}
          data-testid="reschedule-all"
        >
          Reschedule all to today
        </button>
      </div>
      <TaskList
        state={list.state}
        handlers={handlers}
        onLoadMore={list.loadMore}
        onRetry={list.reload}
        empty={{ title: "", body: "" }}
      />
    </section>
  );
}
