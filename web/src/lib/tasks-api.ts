/**
 * Typed calls for `/api/me/tasks`. Responses are checked against the shared
 * contracts, so a server/web drift fails loudly instead of rendering garbage.
 */
import {
  Task,
  TaskCounts,
  TaskPage,
  type TaskCreate,
  type TaskPatch,
  type Priority,
  type TaskSort,
  type TaskStatus,
} from "#contracts/task.ts";
import { ApiError, apiJson, apiRequest } from "./api-client.ts";

const BASE = "/api/me/tasks";

export interface ListParams {
  status?: TaskStatus;
  priority?: Priority[];
  tag?: string[];
  due_before?: string;
  due_after?: string;
  overdue?: boolean;
  q?: string;
  list_id?: number;
  sort?: TaskSort;
  order?: "asc" | "desc";
  limit?: number;
  cursor?: string | null;
}

export function listQuery(p: ListParams): URLSearchParams {
  const q = new URLSearchParams();
  if (p.status) q.set("status", p.status);
  for (const pr of p.priority ?? []) q.append("priority", pr);
  for (const t of p.tag ?? []) q.append("tag", t);
  if (p.due_before) q.set("due_before", p.due_before);
  if (p.due_after) q.set("due_after", p.due_after);
  if (p.overdue) q.set("overdue", "true");
  if (p.q) q.set("q", p.q);
  if (p.list_id !== undefined) q.set("list_id", String(p.list_id));
  if (p.sort) q.set("sort", p.sort);
  if (p.order) q.set("order", p.order);
  if (p.limit) q.set("limit", String(p.limit));
  if (p.cursor) q.set("cursor", p.cursor);
  return q;
}

export async function listTasks(p: ListParams, signal?: AbortSignal): Promise<TaskPage> {
  return apiJson(TaskPage, BASE, { query: listQuery(p), signal });
}

export async function getCounts(tz: string, signal?: AbortSignal): Promise<TaskCounts> {
  return apiJson(TaskCounts, `${BASE}/counts`, { query: new URLSearchParams({ tz }), signal });
}

/** `key`: the Idempotency-Key, so a retry of a create whose answer was lost never makes a second task. */
export async function createTask(input: TaskCreate, key: string): Promise<Task> {
  return apiJson(Task, BASE, { method: "POST", body: input, headers: { "Idempotency-Key": key } });
}

export async function patchTask(id: number, patch: TaskPatch): Promise<Task> {
  return apiJson(Task, `${BASE}/${id}`, { method: "PATCH", body: patch });
}

export async function setCompleted(id: number, completed: boolean): Promise<Task> {
  return apiJson(Task, `${BASE}/${id}/complete`, { method: "PATCH", body: { completed } });
}

export async function deleteTask(id: number, opts: { keepalive?: boolean } = {}): Promise<void> {
  try {
    await apiRequest(`${BASE}/${id}`, { method: "DELETE", keepalive: opts.keepalive });
  } catch (err) {
    // Already gone (deleted in another tab or by the assistant): the goal is reached.
    if (err instanceof ApiError && err.status === 404) return;
    throw err;
  }
}

/**
 * Fire-and-forget DELETE for page unload: synchronous `fetch(..., {keepalive})` so
 * it leaves even as the tab closes. Needs a token already in memory.
 */
export function deleteTaskOnUnload(id: number, token: string): void {
  try {
    void fetch(`${BASE}/${id}`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${token}` },
      keepalive: true,
      credentials: "omit",
    }).catch(() => {});
  } catch {
    /* the page is going away; nothing else to do */
  }
}
