import { DeleteTaskInput } from "../../contracts/tools.ts";
import { deleteTask as remove } from "../../domain/tasks/service.ts";
import { deletedSummary } from "./convert.ts";
import { defineTool } from "./define.ts";

export const deleteTask = defineTool({
  name: "delete_task",
  description: "Delete one task by its number.",
  input: DeleteTaskInput,
  mutates: true,
  async run(ctx, { id }) {
    return { deleted: [deletedSummary(await remove(ctx.db, ctx.userId, id))] };
  },
});
