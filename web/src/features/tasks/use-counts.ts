/** Task counts per view, refreshed after changes and discounted by deletes still in their undo window. */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { TaskCounts } from "#contracts/task.ts";
import { getCounts } from "../../lib/tasks-api.ts";
import { pendingDeleteTasks, pendingDeletesVersion, subscribePendingDeletes } from "./pending-deletes.ts";
import { localTimeZone } from "./task-dates.ts";
import { countBuckets } from "./views.ts";

export function useCounts() {
  const [server, setServer] = useState<TaskCounts | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const seq = useRef(0);
  const pendingVersion = useSyncExternalStore(subscribePendingDeletes, pendingDeletesVersion);

  const fetchNow = useCallback(() => {
    const mine = ++seq.current;
    getCounts(localTimeZone())
      .then((c) => {
        if (mine === seq.current) setServer(c);
      })
      .catch(() => {
        /* counts are decoration: keep the last known ones */
      });
  }, []);

  /** Coalesces bursts of changes into one request. */
  const refresh = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(fetchNow, 150);
  }, [fetchNow]);

  useEffect(() => {
    fetchNow();
    // Day boundaries move ("today" becomes "overdue"): refresh when the tab comes back.
    const onVisible = () => document.visibilityState === "visible" && fetchNow();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [fetchNow]);

  const counts = useMemo(() => {
    if (!server) return null;
    const c = { ...server };
    for (const t of pendingDeleteTasks()) for (const b of countBuckets(t)) c[b] = Math.max(0, c[b] - 1);
    return c;
    // pendingVersion: recompute when the pending-delete set changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [server, pendingVersion]);

  return { counts, refresh };
}
