/**
 * Writes made while the server is unreachable wait here and are replayed in
 * order once it answers again. The queue lives in localStorage under the
 * signed-in user's id (another user signing in on this browser sees only their
 * own queue) and survives a reload; tabs take turns replaying it through a Web
 * Lock. Creates carry an Idempotency-Key, so a create whose answer was lost is
 * never made twice; the other writes set absolute values, so replaying them is safe.
 *
 * Tasks created offline have negative (temporary) ids until their create is
 * replayed; later queued writes to them are re-pointed at the real id then.
 */
import type { Task, TaskCreate, TaskPatch } from "#contracts/task.ts";
import { ApiError } from "./api-client.ts";
import { isOfflineStatus, onConnectivityChange, serverReachable } from "./connectivity.ts";
import { createTask, deleteTask, patchTask, setCompleted } from "./tasks-api.ts";
import { notifyTasksChanged } from "./tasks-events.ts";

export type OutboxOp =
  | { kind: "create"; task: Task; input: TaskCreate; key: string }
  | { kind: "patch"; id: number; patch: TaskPatch }
  | { kind: "complete"; id: number; completed: boolean }
  | { kind: "delete"; id: number };

export interface OutboxFailure {
  op: OutboxOp;
  error: ApiError;
}

const PREFIX = "tickler.outbox.v1.";
let userId: string | null = null;
let flushing = false;
const listeners = new Set<() => void>();
const failureListeners = new Set<(f: OutboxFailure) => void>();

const storageKey = () => (userId ? PREFIX + userId : null);

function read(): OutboxOp[] {
  const key = storageKey();
  if (!key) return [];
  try {
    const raw = localStorage.getItem(key);
    const ops: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(ops) ? (ops as OutboxOp[]) : [];
  } catch {
    return [];
  }
}

function write(ops: OutboxOp[]): void {
  const key = storageKey();
  if (!key) return;
  if (ops.length) localStorage.setItem(key, JSON.stringify(ops));
  else localStorage.removeItem(key);
  listeners.forEach((l) => l());
}

/** Which user's queue to use (null when signed out); replays it if the server is there. */
export function setOutboxUser(id: string | null): void {
  if (id === userId) return;
  userId = id;
  listeners.forEach((l) => l());
  if (id) void flushOutbox();
}

export const outboxOps = (): OutboxOp[] => read();
export const outboxSize = (): number => read().length;
/** Whether new writes must queue: the server is away, or earlier writes still wait (order matters). */
export const shouldQueue = (): boolean => userId !== null && (!serverReachable() || read().length > 0);

/** A temporary id not used by any queued create (queued creates survive reloads). */
let lastTemp = 0;
export function nextTempId(): number {
  const used = read().flatMap((op) => (op.kind === "create" ? [op.task.id] : []));
  lastTemp = Math.min(lastTemp, ...used) - 1;
  return lastTemp;
}

/** Queues a write. Deleting a task whose create still waits drops both (nothing to send). */
export function enqueue(op: OutboxOp): void {
  if (!userId) throw new Error("no signed-in user for the outbox");
  let ops = read();
  if (op.kind === "delete" && op.id < 0 && ops.some((o) => o.kind === "create" && o.task.id === op.id)) {
    ops = ops.filter((o) => (o.kind === "create" ? o.task.id !== op.id : o.id !== op.id));
  } else {
    ops.push(op);
  }
  write(ops);
}

/** The list as the user left it: the server's page with queued writes applied on top. */
export function overlay(tasks: Task[]): Task[] {
  const ops = read();
  if (!ops.length) return tasks;
  let out = tasks.slice();
  for (const op of ops) {
    if (op.kind === "create") out = [op.task, ...out.filter((t) => t.id !== op.task.id)];
    else if (op.kind === "delete") out = out.filter((t) => t.id !== op.id);
    else if (op.kind === "complete") {
      out = out.map((t) => (t.id === op.id ? { ...t, completed: op.completed, completed_at: op.completed ? (t.completed_at ?? t.updated_at) : null } : t));
    } else out = out.map((t) => (t.id === op.id ? applyPatch(t, op.patch) : t));
  }
  return out;
}

/** What a PATCH will most likely return, for showing it before the server answers. */
export function applyPatch(task: Task, patch: TaskPatch): Task {
  return {
    ...task,
    ...(patch.title !== undefined && { title: patch.title.trim() }),
    ...(patch.description !== undefined && { description: patch.description || null }),
    ...(patch.priority !== undefined && { priority: patch.priority ?? "none" }),
    ...(patch.tags !== undefined && { tags: patch.tags ?? [] }),
    ...(patch.due_at !== undefined && { due_at: patch.due_at }),
    updated_at: new Date().toISOString(),
  };
}

export function onOutboxChange(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** A queued write the server refused (e.g. the task was deleted elsewhere): the UI says so. */
export function onOutboxFailure(l: (f: OutboxFailure) => void): () => void {
  failureListeners.add(l);
  return () => failureListeners.delete(l);
}

async function send(op: OutboxOp): Promise<Task | null> {
  switch (op.kind) {
    case "create":
      return createTask(op.input, op.key);
    case "patch":
      return patchTask(op.id, op.patch);
    case "complete":
      return setCompleted(op.id, op.completed);
    case "delete":
      await deleteTask(op.id);
      return null;
  }
}

/** Worth trying again later (the server is away, busy, or still running the first try). */
const retryLater = (err: unknown) =>
  !(err instanceof ApiError) || isOfflineStatus(err.status) || err.status === 429 || err.status === 401 || err.code === "idempotency_in_progress";

/** Replays the queue in order; stops at the first write that can't get through now. */
export async function flushOutbox(): Promise<void> {
  if (flushing || !userId || !read().length) return;
  flushing = true;
  const owner = userId;
  const run = async () => {
    let sent = 0;
    while (userId === owner) {
      const ops = read();
      const op = ops[0];
      if (!op) break;
      try {
        const saved = await send(op);
        sent++;
        const rest = read().slice(1);
        // The create is in: later writes to its temporary id now go to the real one.
        if (op.kind === "create" && saved) for (const o of rest) if (o.kind !== "create" && o.id === op.task.id) o.id = saved.id;
        write(rest);
      } catch (err) {
        if (retryLater(err)) break;
        write(read().slice(1));
        // 404 on a write to a task deleted elsewhere: the goal is moot, not worth a message.
        if (!(err instanceof ApiError && err.status === 404)) failureListeners.forEach((l) => l({ op, error: err as ApiError }));
      }
    }
    if (sent) notifyTasksChanged();
  };
  try {
    if (typeof navigator !== "undefined" && navigator.locks) await navigator.locks.request(`tickler-outbox-${owner}`, run);
    else await run();
  } finally {
    flushing = false;
  }
}

if (typeof window !== "undefined") {
  onConnectivityChange(() => {
    if (serverReachable()) void flushOutbox();
  });
  // Another tab queued or replayed: refresh what this one shows.
  window.addEventListener("storage", (e) => {
    if (e.key && e.key === storageKey()) listeners.forEach((l) => l());
  });
}
