/**
 * One filtered, cursor-paginated task list plus the local edits the page makes
 * to it (optimistic inserts, updates, removals). Writes still waiting in the
 * outbox are laid over every page the server sends. When a reload fails because
 * the server is away, the list on screen stays (marked `stale`) instead of
 * turning into an error.
 */
import { useCallback, useEffect, useReducer, useRef } from "react";
import type { Task } from "#contracts/task.ts";
import { ApiError } from "../../lib/api-client.ts";
import { isOfflineStatus } from "../../lib/connectivity.ts";
import { overlay } from "../../lib/outbox.ts";
import { listTasks, type ListParams } from "../../lib/tasks-api.ts";
import { isPendingDelete } from "./pending-deletes.ts";

export const PAGE_SIZE = 50;

export interface ListState {
  tasks: Task[];
  nextCursor: string | null;
  /** "loading": first page of a new query in flight (tasks may still show the previous query). */
  status: "loading" | "ready" | "error";
  error: string | null;
  loadingMore: boolean;
  moreError: string | null;
  /** The last reload could not reach the server: `tasks` is the list as last seen (plus queued writes). */
  stale: boolean;
}

type Action =
  | { type: "start" }
  | { type: "loaded"; tasks: Task[]; next: string | null; append: boolean }
  | { type: "failed"; message: string; more: boolean; offline: boolean }
  | { type: "more" }
  | { type: "upsert"; task: Task; replaceId?: number }
  | { type: "insert"; task: Task; index: number }
  | { type: "remove"; id: number };

const initial: ListState = { tasks: [], nextCursor: null, status: "loading", error: null, loadingMore: false, moreError: null, stale: false };

function reducer(s: ListState, a: Action): ListState {
  switch (a.type) {
    case "start":
      // A reload of a list already on screen keeps showing it ("ready") until the answer comes.
      return { ...s, status: s.status === "ready" && s.stale ? "ready" : "loading", error: null, loadingMore: false, moreError: null };
    case "more":
      return { ...s, loadingMore: true, moreError: null };
    case "loaded": {
      const fresh = a.tasks.filter((t) => !isPendingDelete(t.id));
      if (!a.append) return { ...s, tasks: overlay(fresh), nextCursor: a.next, status: "ready", loadingMore: false, stale: false };
      const seen = new Set(s.tasks.map((t) => t.id));
      return { ...s, tasks: [...s.tasks, ...fresh.filter((t) => !seen.has(t.id))], nextCursor: a.next, loadingMore: false };
    }
    case "failed":
      if (a.more) return { ...s, loadingMore: false, moreError: a.message };
      // Server away and something to show: keep the last list rather than an error screen.
      if (a.offline && (s.tasks.length > 0 || s.stale || s.status === "ready")) return { ...s, status: "ready", stale: true };
      return { ...s, status: "error", error: a.message };
    case "upsert": {
      const id = a.replaceId ?? a.task.id;
      const i = s.tasks.findIndex((t) => t.id === id);
      if (i < 0) return s;
      const tasks = s.tasks.slice();
      tasks[i] = a.task;
      return { ...s, tasks };
    }
    case "insert": {
      const tasks = s.tasks.filter((t) => t.id !== a.task.id);
      tasks.splice(Math.min(Math.max(0, a.index), tasks.length), 0, a.task);
      return { ...s, tasks };
    }
    case "remove":
      return { ...s, tasks: s.tasks.filter((t) => t.id !== a.id) };
  }
}

const message = (err: unknown) => (err instanceof ApiError ? err.message : "Something went wrong loading your tasks.");
const isAbort = (err: unknown) => err instanceof DOMException && err.name === "AbortError";
const isOffline = (err: unknown) => err instanceof ApiError && isOfflineStatus(err.status);

/** `params` null: fetch nothing (the page's list is gone); what is shown stays. */
export function useTaskList(params: ListParams | null) {
  const [state, dispatch] = useReducer(reducer, initial);
  const key = JSON.stringify(params);
  const paramsRef = useRef(params);
  paramsRef.current = params;
  const stateRef = useRef(state);
  stateRef.current = state;
  const [reloads, bumpReload] = useReducer((n: number) => n + 1, 0);
  const moreAbort = useRef<AbortController | null>(null);

  useEffect(() => {
    const params = paramsRef.current;
    if (!params) return;
    const ac = new AbortController();
    moreAbort.current?.abort();
    dispatch({ type: "start" });
    listTasks({ ...params, limit: params.limit ?? PAGE_SIZE }, ac.signal)
      .then((page) => dispatch({ type: "loaded", tasks: page.tasks, next: page.next_cursor, append: false }))
      .catch((err: unknown) => {
        if (!isAbort(err)) dispatch({ type: "failed", message: message(err), more: false, offline: isOffline(err) });
      });
    return () => ac.abort();
  }, [key, reloads]);

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    const params = paramsRef.current;
    if (!params || !s.nextCursor || s.loadingMore || s.status !== "ready") return;
    const ac = new AbortController();
    moreAbort.current = ac;
    dispatch({ type: "more" });
    listTasks({ ...params, limit: params.limit ?? PAGE_SIZE, cursor: s.nextCursor }, ac.signal)
      .then((page) => dispatch({ type: "loaded", tasks: page.tasks, next: page.next_cursor, append: true }))
      .catch((err: unknown) => {
        if (!isAbort(err)) dispatch({ type: "failed", message: message(err), more: true, offline: isOffline(err) });
      });
  }, []);

  const edits = useRef({
    upsert: (task: Task, replaceId?: number) => dispatch({ type: "upsert", task, replaceId }),
    insert: (task: Task, index = 0) => dispatch({ type: "insert", task, index }),
    remove: (id: number) => dispatch({ type: "remove", id }),
    reload: () => bumpReload(),
  }).current;

  /** The current copy of a task (for rollbacks), read outside render. */
  const find = useCallback((id: number) => stateRef.current.tasks.find((t) => t.id === id) ?? null, []);
  const indexOf = useCallback((id: number) => stateRef.current.tasks.findIndex((t) => t.id === id), []);

  return { state, loadMore, find, indexOf, ...edits };
}

export type TaskList = ReturnType<typeof useTaskList>;
