import { TOOL_SPECS } from "../../contracts/tool-specs.ts";
import { setCompleted } from "../../domain/tasks/service.ts";
import { summarize } from "./convert.ts";
import { defineTool } from "./define.ts";

export const completeTask = defineTool(TOOL_SPECS.complete_task, {
  description: "Mark a task done, or not done with completed: false.",
  async run(ctx, { id, completed = true }) {
    const { completed_subtask_ids, ...task } = await setCompleted(ctx.db, ctx.userId, id, completed);
    return { task: summarize(task), changed: ["completed"], ...(completed_subtask_ids.length ? { completed_subtask_ids } : {}) };
  },
});
