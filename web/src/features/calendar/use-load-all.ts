import { useEffect } from "react";
import type { TaskList } from "../tasks/use-task-list.ts";

/**
 * Keeps loading pages while `more(lastTask)` says the view still needs them, so
 * a day view groups every task of its days, not just the first page.
 */
export function useLoadAll(
  list: TaskList,
  enabled: boolean,
  more: (last: { due_at: string | null } | undefined) => boolean = () => true,
): void {
  const { status, nextCursor, loadingMore, moreError, tasks } = list.state;
  const last = tasks[tasks.length - 1];
  const want = enabled && status === "ready" && !!nextCursor && !loadingMore && !moreError && more(last);
  const { loadMore } = list;
  useEffect(() => {
    if (want) loadMore();
  }, [want, loadMore, tasks.length]);
}
