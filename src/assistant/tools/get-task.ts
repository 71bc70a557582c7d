import { GetTaskInput } from "../../contracts/tools.ts";
import { getTask as get } from "../../domain/tasks/service.ts";
import { summarize } from "./convert.ts";
import { defineTool } from "./define.ts";

export const getTask = defineTool({
  name: "get_task",
  description: "Get one task by its number, including its description.",
  input: GetTaskInput,
  mutates: false,
  async run(ctx, { id }) {
    const task = await get(ctx.db, ctx.userId, id);
    return { task: { ...summarize(task), description: task.description } };
  },
});
