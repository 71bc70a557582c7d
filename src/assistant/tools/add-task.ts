import { TaskCreate } from "../../contracts/task.ts";
import { TOOL_SPECS } from "../../contracts/tool-specs.ts";
import { inboxId } from "../../domain/lists/lock.ts";
import { createTask } from "../../domain/tasks/service.ts";
import { checked, resolveDate, resolveReminders, summarize } from "./convert.ts";
import { defineTool } from "./define.ts";
import { readRepeat, repeatInput } from "./recurrence.ts";
import { resolveList, resolveParent, resolveSection } from "./resolve.ts";

export const addTask = defineTool(TOOL_SPECS.add_task, {
  description:
    "Create a task. Put dates in due_at (ISO 8601; without a zone it is read in the user's time zone), words like urgent/important in priority, @words in tags. " +
    "`list` puts it in a list (name or number; an unknown name is an error: ask before create_list), `section` in a section of it, `parent` makes it a subtask. " +
    "`recurrence` makes it repeat ('every month', 'every monday at 9am'); without due_at it is due at the first occurrence.",
  async run(ctx, { list, section, parent, recurrence, ...input }) {
    const parentId = parent === undefined ? undefined : await resolveParent(ctx, parent);
    const listId = list === undefined ? undefined : (await resolveList(ctx, list)).id;
    // A section without a list is one of the Inbox's.
    const sectionId = section === undefined ? undefined : await resolveSection(ctx, listId ?? (await inboxId(ctx.db, ctx.userId)), section);
    const task = await createTask(
      ctx.db,
      ctx.userId,
      readRepeat(
        ctx,
        checked(TaskCreate, {
          ...input,
          due_at: input.due_at ? resolveDate(input.due_at, ctx.timeZone) : undefined,
          reminders: input.reminders ? resolveReminders(input.reminders, ctx.timeZone) : undefined,
          list_id: listId,
          section_id: sectionId,
          parent_id: parentId,
          recurrence: repeatInput(recurrence),
        }),
      ),
      ctx.rowLimits,
      { timeZone: ctx.timeZone, now: ctx.now() },
    );
    return { task: summarize(task) };
  },
});
