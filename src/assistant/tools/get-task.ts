import { TOOL_SPECS } from "../../contracts/tool-specs.ts";
import { getTask as get } from "../../domain/tasks/service.ts";
import { summarize } from "./convert.ts";
import { defineTool } from "./define.ts";

export const getTask = defineTool(TOOL_SPECS.get_task, {
  description: "Get one task by its number, including its description.",
  async run(ctx, { id }) {
    const task = await get(ctx.db, ctx.userId, id);
    return { task: { ...summarize(task), description: task.description } };
  },
});
