import { TOOL_SPECS } from "../../contracts/tool-specs.ts";
import { countMatching } from "../../domain/tasks/bulk.ts";
import { DEFAULT_ORDER } from "../../domain/tasks/cursor.ts";
import { listTasks as list } from "../../domain/tasks/service.ts";
import { summarize, toConditions } from "./convert.ts";
import { defineTool } from "./define.ts";
import { resolveList } from "./resolve.ts";

export const listTasks = defineTool(TOOL_SPECS.list_tasks, {
  description:
    "List or search the user's tasks (`list`: only one list, by name or number). Use it to find a task the user names by title before acting on it. Returns at most `limit` tasks and the total number of matches.",
  async run(ctx, input) {
    const listId = input.list === undefined ? undefined : (await resolveList(ctx, input.list)).id;
    const conditions = { ...toConditions(input, ctx.timeZone), list_id: listId };
    const sort = input.sort ?? (input.overdue || input.due_before || input.due_after ? "due_at" : "created_at");
    const now = ctx.now();
    const page = await list(
      ctx.db,
      ctx.userId,
      { ...conditions, status: conditions.status ?? "all", sort, order: DEFAULT_ORDER[sort], limit: input.limit ?? 20 },
      now,
    );
    const total = page.next_cursor ? await countMatching(ctx.db, ctx.userId, conditions, now) : page.tasks.length;
    return { tasks: page.tasks.map(summarize), total };
  },
});
