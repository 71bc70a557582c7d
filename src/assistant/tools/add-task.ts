import { TaskCreate } from "../../contracts/task.ts";
import { TOOL_SPECS } from "../../contracts/tool-specs.ts";
import { createTask } from "../../domain/tasks/service.ts";
import { checked, resolveDate, summarize } from "./convert.ts";
import { defineTool } from "./define.ts";

export const addTask = defineTool(TOOL_SPECS.add_task, {
  description:
    "Create a task. Put dates in due_at (ISO 8601; without a zone it is read in the user's time zone), words like urgent/important in priority, #words in tags.",
  async run(ctx, input) {
    const task = await createTask(
      ctx.db,
      ctx.userId,
      checked(TaskCreate, { ...input, due_at: input.due_at ? resolveDate(input.due_at, ctx.timeZone) : undefined }),
      ctx.rowLimits,
    );
    return { task: summarize(task) };
  },
});
