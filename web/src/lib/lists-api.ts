/**
 * Typed calls for lists, sections and the many-task writes (move, bulk) under
 * `/api/me`. Responses are checked against the shared contracts.
 */
import * as z from "zod";
import { List, Section, type ListPatch, type TaskBulk, type TaskMove } from "#contracts/list.ts";
import { Task } from "#contracts/task.ts";
import { apiJson, apiRequest } from "./api-client.ts";
import { newIdempotencyKey } from "./idempotency-key.ts";

const ListsPage = z.object({ lists: z.array(List) });
const SectionsPage = z.object({ sections: z.array(Section) });
const MoveResult = z.object({ tasks: z.array(Task) });
export const BulkResult = z.union([
  z.object({ tasks: z.array(Task), completed_subtask_ids: z.array(z.number()).optional() }),
  z.object({ deleted: z.array(z.number()) }),
]);
export type BulkResult = z.infer<typeof BulkResult>;

export type ListColorName = List["color"];
export type MoveRequest = z.input<typeof TaskMove>;
export type BulkRequest = z.input<typeof TaskBulk>;

export async function listLists(signal?: AbortSignal): Promise<List[]> {
  return (await apiJson(ListsPage, "/api/me/lists", { query: new URLSearchParams({ archived: "all" }), signal })).lists;
}

export async function createList(name: string, color?: ListColorName): Promise<List> {
  return apiJson(List, "/api/me/lists", {
    method: "POST",
    body: { name, ...(color ? { color } : {}) },
    headers: { "Idempotency-Key": newIdempotencyKey() },
  });
}

export async function patchList(id: number, patch: ListPatch): Promise<List> {
  return apiJson(List, `/api/me/lists/${id}`, { method: "PATCH", body: patch });
}

/** Without `tasks` a list that still has tasks answers 409 `list_not_empty`-style conflict. */
export async function deleteList(id: number, tasks?: "move" | "delete"): Promise<void> {
  const query = tasks ? new URLSearchParams({ tasks }) : undefined;
  await apiRequest(`/api/me/lists/${id}`, { method: "DELETE", query });
}

export async function listSections(listId: number, signal?: AbortSignal): Promise<Section[]> {
  return (await apiJson(SectionsPage, `/api/me/lists/${listId}/sections`, { signal })).sections;
}

export async function createSection(listId: number, name: string): Promise<Section> {
  return apiJson(Section, `/api/me/lists/${listId}/sections`, {
    method: "POST",
    body: { name },
    headers: { "Idempotency-Key": newIdempotencyKey() },
  });
}

export async function renameSection(id: number, name: string): Promise<Section> {
  return apiJson(Section, `/api/me/sections/${id}`, { method: "PATCH", body: { name } });
}

export async function deleteSection(id: number): Promise<void> {
  await apiRequest(`/api/me/sections/${id}`, { method: "DELETE" });
}

export async function moveTasks(req: MoveRequest): Promise<Task[]> {
  return (
    await apiJson(MoveResult, "/api/me/tasks/move", {
      method: "POST",
      body: req,
      headers: { "Idempotency-Key": newIdempotencyKey() },
    })
  ).tasks;
}

export async function bulkTasks(req: BulkRequest): Promise<BulkResult> {
  return apiJson(BulkResult, "/api/me/tasks/bulk", {
    method: "POST",
    body: req,
    headers: { "Idempotency-Key": newIdempotencyKey() },
  });
}
