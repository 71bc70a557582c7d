import { TOOL_SPECS } from "../../contracts/tool-specs.ts";
import { skipTask } from "../../domain/tasks/service.ts";
import { summarize } from "./convert.ts";
import { defineTool } from "./define.ts";

export const skipOccurrence = defineTool(TOOL_SPECS.skip_occurrence, {
  description:
    "Skip the current occurrence of a recurring task: it becomes due at its next date without being completed.",
  async run(ctx, { id }) {
    const { task, previous } = await skipTask(ctx.db, ctx.userId, id, { timeZone: ctx.timeZone, now: ctx.now() });
    return { task: summarize(task), changed: ["due_at"], previous };
  },
});
