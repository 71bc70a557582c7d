import { TOOL_SPECS } from "../../contracts/tool-specs.ts";
import { deleteTask as remove } from "../../domain/tasks/service.ts";
import { deletedSummary } from "./convert.ts";
import { defineTool } from "./define.ts";

export const deleteTask = defineTool(TOOL_SPECS.delete_task, {
  description: "Delete one task by its number.",
  async run(ctx, { id }) {
    return { deleted: [deletedSummary(await remove(ctx.db, ctx.userId, id))] };
  },
});
