import { TOOL_SPECS } from "../../contracts/tool-specs.ts";
import type { Db } from "../../db/client.ts";
import { DomainError } from "../../domain/errors.ts";
import { bulkEdit } from "../../domain/tasks/bulk-edit.ts";
import { selectTasks } from "../../domain/tasks/bulk.ts";
import { summarize, toConditions } from "./convert.ts";
import { defineTool } from "./define.ts";

export const completeTasks = defineTool(TOOL_SPECS.complete_tasks, {
  description: "Mark several tasks done (or not done) at once, by numbers (ids) or by a filter. Recurring ones move on to their next date.",
  async run(ctx, { ids, filter, completed = true }) {
    if (!ids && !filter) throw new DomainError("invalid", "invalid_input", "give ids or a filter");
    // The bulk edit, like REST: all-or-nothing, and completing a parent completes its open subtasks.
    return ctx.db.transaction(async (tx) => {
      const db = tx as unknown as Db;
      const targets = await selectTasks(db, ctx.userId, { ids, filter: toConditions(filter, ctx.timeZone) }, ctx.now());
      if (!targets.length) return { updated: [], completed };
      const r = await bulkEdit(db, ctx.userId, { ids: targets.map((t) => t.id), set: { completed } });
      if (!("tasks" in r)) return { updated: [], completed };
      const subtasks = r.completed_subtask_ids ?? [];
      return { updated: r.tasks.map(summarize).sort((a, b) => a.id - b.id), completed, ...(subtasks.length ? { completed_subtask_ids: subtasks } : {}) };
    });
  },
});
