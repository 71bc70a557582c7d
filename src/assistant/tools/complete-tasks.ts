import { TOOL_SPECS } from "../../contracts/tool-specs.ts";
import { DomainError } from "../../domain/errors.ts";
import { selectTasks, setCompletedMany } from "../../domain/tasks/bulk.ts";
import { summarize, toConditions } from "./convert.ts";
import { defineTool } from "./define.ts";

export const completeTasks = defineTool(TOOL_SPECS.complete_tasks, {
  description: "Mark several tasks done (or not done) at once, by numbers (ids) or by a filter. Recurring ones move on to their next date.",
  async run(ctx, { ids, filter, completed = true }) {
    if (!ids && !filter) throw new DomainError("invalid", "invalid_input", "give ids or a filter");
    const targets = await selectTasks(ctx.db, ctx.userId, { ids, filter: toConditions(filter, ctx.timeZone) }, ctx.now());
    const updated = await setCompletedMany(ctx.db, ctx.userId, targets.map((t) => t.id), completed, ctx.timeZone);
    return { updated: updated.map(summarize), completed };
  },
});
