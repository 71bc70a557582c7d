import { useEffect, useRef } from "react";
import type { Task } from "#contracts/task.ts";
import type { TaskItemHandlers } from "./task-item.tsx";
import { TaskItem } from "./task-item.tsx";
import type { ListState } from "./use-task-list.ts";

interface Props {
  state: ListState;
  handlers: TaskItemHandlers;
  onLoadMore: () => void;
  onRetry: () => void;
  empty: { title: string; body: string };
}

/**
 * The list with its loading, error and empty states. More pages load when the end
 * comes near (and with the "Load more" button); rows use `content-visibility` so
 * thousands of them stay cheap to lay out.
 */
export function TaskList({ state, handlers, onLoadMore, onRetry, empty }: Props) {
  const sentinel = useRef<HTMLDivElement>(null);
  const { tasks, status, nextCursor, loadingMore, moreError } = state;

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !nextCursor || moreError || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onLoadMore(), { rootMargin: "600px 0px" });
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

  return (
    <>
      <ul className={`task-list ${status === "loading" ? "is-stale" : ""}`} aria-busy={status === "loading" || undefined} data-testid="task-list">
        {tasks.map((t: Task) => (
          <TaskItem key={t.id} task={t} handlers={handlers} />
        ))}
      </ul>
      {nextCursor && (
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
      )}
    </>
  );
}
