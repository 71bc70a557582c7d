import { useDraggable } from "@dnd-kit/core";
import { CSS } from "@dnd-kit/utilities";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { Task } from "#contracts/task.ts";
import type { RowSelect, TaskItemHandlers } from "./task-item.tsx";
import { TaskItem } from "./task-item.tsx";
import type { ListState } from "./use-task-list.ts";

interface Props {
  state: ListState;
  handlers: TaskItemHandlers;
  onLoadMore: () => void;
  onRetry: () => void;
  empty: { title: string; body: string };
  /** Bulk selection for a row (select mode, shift/ctrl-click). */
  select?: (t: Task) => RowSelect | undefined;
  /** Rows get a drag handle, to drop them on a list in the sidebar. */
  draggable?: boolean;
  /** Replaces the flat rows (a list page's sections, a board) once the list has tasks. */
  body?: ReactNode;
}

/**
 * The list with its loading, error and empty states. More pages load when the end
 * comes near (and with the "Load more" button); rows use `content-visibility` so
 * thousands of them stay cheap to lay out.
 */
export function TaskList({ state, handlers, onLoadMore, onRetry, empty, select, draggable, body }: Props) {
  const sentinel = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // Unique per list: the date views show several lists on one page.
  const keysId = useId();
  const { tasks, status, nextCursor, loadingMore, moreError } = state;
  // Roving focus: the list is one Tab stop; ↑/↓ move between rows (see SHORTCUTS).
  const [activeId, setActiveId] = useState<number | null>(null);
  const activeIndex = Math.max(
    0,
    tasks.findIndex((t) => t.id === activeId),
  );
  const refocus = useRef<number | null>(null);

  useEffect(() => {
    // A row that left the list (completed, deleted) hands focus to the one now in its place.
    if (refocus.current === null) return;
    const i = Math.min(refocus.current, tasks.length - 1);
    refocus.current = null;
    if (i >= 0) focusRow(i);
  }, [tasks]);

  function focusRow(i: number) {
    const rows = listRef.current?.querySelectorAll<HTMLElement>(":scope > [data-testid=task-item]");
    const row = rows?.[Math.max(0, Math.min(i, rows.length - 1))];
    if (!row) return;
    setActiveId(Number(row.dataset.taskId));
    row.focus();
  }

  function onRowKey(e: KeyboardEvent<HTMLUListElement>) {
    const row = (e.target as HTMLElement).closest<HTMLElement>("[data-testid=task-item]");
    // A drag handle's arrows belong to dnd-kit's keyboard sensor.
    if (!row || e.ctrlKey || e.metaKey || e.altKey || (e.target as HTMLElement).closest("[data-drag-handle]")) return;
    const i = tasks.findIndex((t) => t.id === Number(row.dataset.taskId));
    const task = tasks[i];
    if (!task) return;
    const move = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: tasks.length - 1 }[e.key];
    if (move !== undefined) {
      e.preventDefault();
      focusRow(move);
      return;
    }
    if (e.target !== row) return; // keys typed into the row's own controls are theirs
    const act = {
      Enter: () => handlers.onEdit(task),
      e: () => handlers.onEdit(task),
      " ": () => handlers.onToggle(task),
      x: () => handlers.onToggle(task),
      d: () => handlers.onToggle(task),
      Delete: () => handlers.onDelete(task),
      Backspace: () => handlers.onDelete(task),
    }[e.key];
    if (!act) return;
    e.preventDefault();
    if (e.key !== "Enter" && e.key !== "e") refocus.current = i;
    act();
  }

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !nextCursor || moreError || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onLoadMore(), {
      rootMargin: "600px 0px",
    });
    io.observe(el);
    return () => io.disconnect();
  }, [nextCursor, moreError, onLoadMore, tasks.length]);

  if (status === "error") {
    return (
      <div className="list-message list-error" role="alert" data-testid="list-error">
        <p>Couldn't load your tasks. {state.error}</p>
        <button type="button" className="btn" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }

  if (status === "loading" && tasks.length === 0) {
    return (
      <div className="skeleton-list" role="status" data-testid="list-loading">
        <span className="sr-only">Loading tasks…</span>
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="skeleton-row" aria-hidden="true" />
        ))}
      </div>
    );
  }

  if (tasks.length === 0) {
    return (
      <div className="empty-state" data-testid="empty-state">
        <h2>{empty.title}</h2>
        <p>{empty.body}</p>
      </div>
    );
  }

  const more = nextCursor && (
    <div ref={sentinel} className="load-more">
      {moreError && (
        <p className="field-error" role="alert">
          {moreError}
        </p>
      )}
      <button type="button" className="btn" onClick={onLoadMore} disabled={loadingMore} data-testid="load-more">
        {loadingMore ? "Loading…" : moreError ? "Try again" : "Load more"}
      </button>
    </div>
  );

  if (body) {
    return (
      <div className={status === "loading" ? "is-stale" : ""} aria-busy={status === "loading" || undefined} data-testid="task-list">
        {body}
        {more}
      </div>
    );
  }

  return (
    <>
      <ul
        ref={listRef}
        className={`task-list ${status === "loading" ? "is-stale" : ""}`}
        aria-busy={status === "loading" || undefined}
        aria-describedby={keysId}
        onKeyDown={onRowKey}
        onFocus={(e) => {
          const row = (e.target as HTMLElement).closest<HTMLElement>("[data-testid=task-item]");
          if (row) setActiveId(Number(row.dataset.taskId));
        }}
        data-testid="task-list"
      >
        {tasks.map((t: Task, i) =>
          draggable && t.id > 0 ? (
            <DraggableRow key={t.id} task={t} handlers={handlers} active={i === activeIndex} select={select?.(t)} />
          ) : (
            <TaskItem key={t.id} task={t} handlers={handlers} active={i === activeIndex} select={select?.(t)} />
          ),
        )}
      </ul>
      <p id={keysId} className="sr-only">
        Up and down arrows move between tasks; Space completes, Enter edits, Delete deletes.
      </p>
      {more}
    </>
  );
}

/** A row that can be dragged onto a list in the sidebar (outside list pages there is no order to change). */
function DraggableRow({ task, handlers, active, select }: { task: Task; handlers: TaskItemHandlers; active: boolean; select?: RowSelect }) {
  const { setNodeRef, attributes, listeners, transform, isDragging } = useDraggable({ id: task.id });
  return (
    <TaskItem
      task={task}
      handlers={handlers}
      active={active}
      select={select}
      drag={{ ref: setNodeRef, style: { transform: CSS.Translate.toString(transform) }, handle: { ...attributes, ...listeners }, dragging: isDragging }}
    />
  );
}
