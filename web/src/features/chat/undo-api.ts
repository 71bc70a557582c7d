/**
 * The few organiser calls chat Undo needs (bulk edit, move, list patch/delete),
 * kept here so the chat does not depend on the lists UI's own client.
 */
import type * as z from "zod";
import type { ListPatch, TaskBulk, TaskMove } from "#contracts/list.ts";
import { api } from "../../lib/api.ts";
import { endpoints } from "../../lib/endpoints.ts";

export const bulkEdit = (body: z.input<typeof TaskBulk>) => api(endpoints.bulkTasks, { body });
export const moveTasks = (body: z.input<typeof TaskMove>) => api(endpoints.moveTasks, { body });
/** The tool result's old color is a plain string; the server checks it against the list colors. */
export const patchList = (id: number, body: { name?: string; color?: string; archived?: boolean }) =>
  api(endpoints.patchList, { params: { id }, body: body as ListPatch });
/** Deleting a list the assistant created: any tasks added to it since go to the Inbox, never away. */
export const deleteList = (id: number) => api(endpoints.deleteList, { params: { id }, query: { tasks: "move" } });
