/**
 * Typed calls for lists, sections and the many-task writes (move, bulk) under
 * `/api/me`. Responses are checked against the shared contracts.
 */
import type * as z from "zod";
import type { List, ListPatch, Section, TaskBulk, TaskMove } from "#contracts/list.ts";
import type { BulkResult } from "#contracts/rest.ts";
import type { Task } from "#contracts/task.ts";
import { api } from "./api.ts";
import { endpoints } from "./endpoints.ts";
import { newIdempotencyKey } from "./idempotency-key.ts";

export { BulkResult } from "#contracts/rest.ts";

export type ListColorName = List["color"];
export type MoveRequest = z.input<typeof TaskMove>;
export type BulkRequest = z.input<typeof TaskBulk>;

export async function listLists(signal?: AbortSignal): Promise<List[]> {
  return (await api(endpoints.listLists, { query: { archived: "all" }, signal })).lists;
}

export async function createList(name: string, color?: ListColorName): Promise<List> {
  return api(endpoints.createList, {
    body: { name, ...(color ? { color } : {}) },
    headers: { "Idempotency-Key": newIdempotencyKey() },
  });
}

export async function patchList(id: number, patch: ListPatch): Promise<List> {
  return api(endpoints.patchList, { params: { id }, body: patch });
}

/** Without `tasks` a list that still has tasks answers 409 `list_not_empty`-style conflict. */
export async function deleteList(id: number, tasks?: "move" | "delete"): Promise<void> {
  await api(endpoints.deleteList, { params: { id }, query: { tasks } });
}

export async function listSections(listId: number, signal?: AbortSignal): Promise<Section[]> {
  return (await api(endpoints.listSections, { params: { id: listId }, signal })).sections;
}

export async function createSection(listId: number, name: string): Promise<Section> {
  return api(endpoints.createSection, {
    params: { id: listId },
    body: { name },
    headers: { "Idempotency-Key": newIdempotencyKey() },
  });
}

export async function renameSection(id: number, name: string): Promise<Section> {
  return api(endpoints.renameSection, { params: { id }, body: { name } });
}

export async function deleteSection(id: number): Promise<void> {
  await api(endpoints.deleteSection, { params: { id } });
}

export async function moveTasks(req: MoveRequest): Promise<Task[]> {
  return (
    await api(endpoints.moveTasks, {
      body: req,
      headers: { "Idempotency-Key": newIdempotencyKey() },
    })
  ).tasks;
}

export async function bulkTasks(req: BulkRequest): Promise<BulkResult> {
  return api(endpoints.bulkTasks, {
    body: req,
    headers: { "Idempotency-Key": newIdempotencyKey() },
  });
}
