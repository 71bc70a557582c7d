import { CompleteTaskInput } from "../../contracts/tools.ts";
import { setCompleted } from "../../domain/tasks/service.ts";
import { summarize } from "./convert.ts";
import { defineTool } from "./define.ts";

export const completeTask = defineTool({
  name: "complete_task",
  description: "Mark a task done, or not done with completed: false.",
  input: CompleteTaskInput,
  mutates: true,
  async run(ctx, { id, completed = true }) {
    return { task: summarize(await setCompleted(ctx.db, ctx.userId, id, completed)), changed: ["completed"] };
  },
});
