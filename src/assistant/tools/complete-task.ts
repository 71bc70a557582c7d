import { TOOL_SPECS } from "../../contracts/tool-specs.ts";
import { getTask, setCompleted } from "../../domain/tasks/service.ts";
import { summarize } from "./convert.ts";
import { defineTool } from "./define.ts";

export const completeTask = defineTool(TOOL_SPECS.complete_task, {
  description:
    "Mark a task done, or not done with completed: false. A recurring task stays open, due at its next occurrence (completed: false undoes that).",
  async run(ctx, { id, completed = true }) {
    const before = await getTask(ctx.db, ctx.userId, id);
    const { completed_subtask_ids, ...task } = await setCompleted(ctx.db, ctx.userId, id, completed, { timeZone: ctx.timeZone, now: ctx.now() });
    // A recurring task that moved on: its due date changed, not its completion (undo: completed false).
    if (task.completed === before.completed && task.due_at !== before.due_at) return { task: summarize(task), changed: ["due_at"], previous: { due_at: before.due_at } };
    return { task: summarize(task), changed: ["completed"], ...(completed_subtask_ids.length ? { completed_subtask_ids } : {}) };
  },
});
