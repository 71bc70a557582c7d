/**
 * Deletes wait out their Undo window before the DELETE is sent: Undo then restores
 * the very same task (same number, dates and completion) instead of a copy.
 *
 * The pending set is module state so that list reloads can hide these tasks, counts
 * can discount them, sign-out can flush them and a closing tab can still send them.
 */
import type { Task } from "#contracts/task.ts";
import { ApiError } from "../../lib/api-client.ts";
import { isOfflineStatus } from "../../lib/connectivity.ts";
import { enqueue, shouldQueue } from "../../lib/outbox.ts";
import { bulkTasks } from "../../lib/lists-api.ts";
import { deleteTask, deleteTaskOnUnload } from "../../lib/tasks-api.ts";
import { tokens } from "../../lib/token.ts";

export const UNDO_WINDOW_MS = 6000;

interface PendingDelete {
  task: Task;
  timer: ReturnType<typeof setTimeout>;
  commit: () => Promise<void>;
}

const pending = new Map<number, PendingDelete>();
const listeners = new Set<() => void>();
let version = 0;
const changed = () => {
  version++;
  listeners.forEach((l) => l());
};

export function subscribePendingDeletes(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
export const pendingDeletesVersion = () => version;

export function isPendingDelete(id: number): boolean {
  return pending.has(id);
}

export function pendingDeleteTasks(): Task[] {
  return [...pending.values()].map((p) => p.task);
}

/**
 * Deletes `task` after the undo window. `onDone` runs once the server confirmed;
 * `onError` if the DELETE failed (the caller restores the task).
 */
export function scheduleDelete(task: Task, hooks: { onDone: () => void; onError: (err: unknown) => void }): void {
  cancelDelete(task.id);
  let started = false;
  const commit = async () => {
    if (started) return;
    started = true;
    clearTimeout(entry.timer);
    try {
      // Offline (or behind queued writes): the outbox sends it later, in order.
      if (shouldQueue()) enqueue({ kind: "delete", id: task.id });
      else {
        try {
          await deleteTask(task.id);
        } catch (err) {
          if (!(err instanceof ApiError && isOfflineStatus(err.status))) throw err;
          enqueue({ kind: "delete", id: task.id });
        }
      }
      pending.delete(task.id);
      changed();
      hooks.onDone();
    } catch (err) {
      pending.delete(task.id);
      changed();
      hooks.onError(err);
    }
  };
  const entry: PendingDelete = { task, commit, timer: setTimeout(() => void commit(), UNDO_WINDOW_MS) };
  pending.set(task.id, entry);
  changed();
}

/**
 * Deletes many tasks after the undo window, as ONE bulk request (one write
 * against the rate limit). Offline, each delete is queued in the outbox.
 */
export function scheduleBulkDelete(tasks: Task[], hooks: { onDone: () => void; onError: (err: unknown) => void }): void {
  for (const t of tasks) cancelDelete(t.id);
  let started = false;
  const ids = tasks.map((t) => t.id).filter((id) => id > 0);
  const commit = async () => {
    if (started) return;
    started = true;
    clearTimeout(timer);
    const queue = () => ids.forEach((id) => enqueue({ kind: "delete", id }));
    try {
      if (shouldQueue()) queue();
      else if (ids.length) {
        try {
          await bulkTasks({ ids, delete: true });
        } catch (err) {
          if (!(err instanceof ApiError && isOfflineStatus(err.status))) throw err;
          queue();
        }
      }
      tasks.forEach((t) => pending.delete(t.id));
      changed();
      hooks.onDone();
    } catch (err) {
      tasks.forEach((t) => pending.delete(t.id));
      changed();
      hooks.onError(err);
    }
  };
  const timer = setTimeout(() => void commit(), UNDO_WINDOW_MS);
  for (const task of tasks) pending.set(task.id, { task, commit, timer });
  changed();
}

/** Undo: returns the task if its delete had not been sent yet. */
export function cancelDelete(id: number): Task | null {
  const p = pending.get(id);
  if (!p) return null;
  clearTimeout(p.timer);
  pending.delete(id);
  changed();
  return p.task;
}

/** Sends every waiting delete now (before sign-out). */
export async function flushPendingDeletes(): Promise<void> {
  await Promise.allSettled([...pending.values()].map((p) => p.commit()));
}

if (typeof window !== "undefined") {
  // The tab is closing or navigating away: don't lose deletes still in their undo window.
  window.addEventListener("pagehide", () => {
    const token = tokens.peek();
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      // Queued (survives the reload) when offline; otherwise sent as the page goes.
      if (shouldQueue() || id < 0) enqueue({ kind: "delete", id });
      else if (token) deleteTaskOnUnload(id, token);
    }
    pending.clear();
  });
}
