/**
 * Typed calls for `/api/me/tasks`. Responses are checked against the shared
 * contracts, so a server/web drift fails loudly instead of rendering garbage.
 */
import type { Task, TaskCounts, TaskPage, TaskCreate, TaskListQuery, TaskPatch, Priority, TaskSort, TaskStatus } from "#contracts/task.ts";
import { api, urlOf } from "./api.ts";
import { ApiError } from "./api-client.ts";
import { endpoints } from "./endpoints.ts";

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

/** The list filters as the contract's query (empty filters stay out of the URL). */
export function listQuery(p: ListParams): TaskListQuery {
  return {
    status: p.status,
    priority: p.priority?.length ? p.priority : undefined,
    tag: p.tag?.length ? p.tag : undefined,
    due_before: p.due_before || undefined,
    due_after: p.due_after || undefined,
    overdue: p.overdue || undefined,
    q: p.q || undefined,
    list_id: p.list_id,
    sort: p.sort,
    order: p.order,
    limit: p.limit || undefined,
    cursor: p.cursor || undefined,
  };
}

export async function listTasks(p: ListParams, signal?: AbortSignal): Promise<TaskPage> {
  return api(endpoints.listTasks, { query: listQuery(p), signal });
}

export async function getCounts(tz: string, signal?: AbortSignal): Promise<TaskCounts> {
  return api(endpoints.taskCounts, { query: { tz }, signal });
}

/** `key`: the Idempotency-Key, so a retry of a create whose answer was lost never makes a second task. */
export async function createTask(input: TaskCreate, key: string): Promise<Task> {
  return api(endpoints.createTask, { body: input, headers: { "Idempotency-Key": key } });
}

export async function patchTask(id: number, patch: TaskPatch): Promise<Task> {
  return api(endpoints.patchTask, { params: { id }, body: patch });
}

export async function setCompleted(id: number, completed: boolean): Promise<Task> {
  return api(endpoints.completeTask, { params: { id }, body: { completed } });
}

export async function deleteTask(id: number, opts: { keepalive?: boolean } = {}): Promise<void> {
  try {
    await api(endpoints.deleteTask, { params: { id }, keepalive: opts.keepalive });
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
    void fetch(urlOf(endpoints.deleteTask, { id }), {
      method: "DELETE",
      headers: { Authorization: `Bearer ${token}` },
      keepalive: true,
      credentials: "omit",
    }).catch(() => {});
  } catch {
    /* the page is going away; nothing else to do */
  }
}
