import { TOOL_SPECS } from "../../contracts/tool-specs.ts";
import { listLists as all } from "../../domain/lists/service.ts";
import { countTasks } from "../../domain/tasks/counts.ts";
import { defineTool } from "./define.ts";
import { listSummary } from "./resolve.ts";

export const listLists = defineTool(TOOL_SPECS.list_lists, {
  description: "The user's lists (Inbox first) with how many open tasks each has.",
  async run(ctx, { archived }) {
    const lists = await all(ctx.db, ctx.userId, archived);
    const counts = await countTasks(ctx.db, ctx.userId, ctx.timeZone, ctx.now());
    const open = new Map(counts.lists.map((c) => [c.list_id, c.pending]));
    return { lists: lists.map((l) => ({ ...listSummary(l), open: open.get(l.id) ?? 0 })) };
  },
});
