import { TaskPatch } from "../../contracts/task.ts";
import { TOOL_SPECS } from "../../contracts/tool-specs.ts";
import { getTask, updateTask as update } from "../../domain/tasks/service.ts";
import { checked, resolveDate, resolveReminders, summarize } from "./convert.ts";
import { defineTool } from "./define.ts";
import { readRepeat, repeatInput } from "./recurrence.ts";

export const updateTask = defineTool(TOOL_SPECS.update_task, {
  description:
    "Change a task: rename (title), description, priority, tags (replace, add_tags, remove_tags), reschedule (due_at; null clears it), set reminders (replaces them), or how it repeats (recurrence in words; null stops it). Only the fields given change.",
  async run(ctx, { id, add_tags, remove_tags, due_at, reminders, recurrence, ...rest }) {
    const patch: Record<string, unknown> = { ...rest };
    if (reminders !== undefined) patch.reminders = reminders === null ? null : resolveReminders(reminders, ctx.timeZone);
    if (recurrence !== undefined) patch.recurrence = repeatInput(recurrence);
    if (due_at !== undefined) patch.due_at = due_at === null ? null : resolveDate(due_at, ctx.timeZone);
    if (add_tags || remove_tags) {
      const current = rest.tags ?? (await getTask(ctx.db, ctx.userId, id)).tags;
      const drop = new Set((remove_tags ?? []).map((t) => t.toLowerCase().replace(/^#/, "")));
      patch.tags = [...current, ...(add_tags ?? [])].filter((t) => !drop.has(t.toLowerCase().replace(/^#/, "")));
    }
    const { task, changed, previous } = await update(ctx.db, ctx.userId, id, readRepeat(ctx, checked(TaskPatch, patch)), { timeZone: ctx.timeZone, now: ctx.now() });
    return { task: summarize(task), changed, previous };
  },
});
