/**
 * The few organiser calls chat Undo needs (bulk edit, move, list patch/delete),
 * kept here so the chat does not depend on the lists UI's own client.
 */
import type * as z from "zod";
import type { TaskBulk, TaskMove } from "#contracts/list.ts";
import { apiRequest } from "../../lib/api-client.ts";

export const bulkEdit = (body: z.input<typeof TaskBulk>) => apiRequest("/api/me/tasks/bulk", { method: "POST", body });
export const moveTasks = (body: z.input<typeof TaskMove>) => apiRequest("/api/me/tasks/move", { method: "POST", body });
export const patchList = (id: number, body: { name?: string; color?: string; archived?: boolean }) =>
  apiRequest(`/api/me/lists/${id}`, { method: "PATCH", body });
/** Deleting a list the assistant created: any tasks added to it since go to the Inbox, never away. */
export const deleteList = (id: number) =>
  apiRequest(`/api/me/lists/${id}`, { method: "DELETE", query: new URLSearchParams({ tasks: "move" }) });
