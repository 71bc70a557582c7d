import { MANY_MAX, TaskMove } from "../../contracts/list.ts";
import type { Db } from "../../db/client.ts";
import { selectTasks } from "../../domain/tasks/bulk.ts";
import { TOOL_SPECS } from "../../contracts/tool-specs.ts";
import { getList } from "../../domain/lists/service.ts";
import { moveTasks as move } from "../../domain/tasks/move.ts";
import { checked, summarize } from "./convert.ts";
import { defineTool } from "./define.ts";
import { listSummary, resolveList, resolveSection } from "./resolve.ts";

export const moveTasks = defineTool(TOOL_SPECS.move_tasks, {
  description:
    "Move tasks (by number) to a list, a section of it, or under a parent task; before_id/after_id place them next to a task. Subtasks move with their parents.",
  async run(ctx, { ids, list, section, parent, before_id, after_id }) {
    const listId = list === undefined ? undefined : (await resolveList(ctx, list)).id;
    const sectionId = section === undefined || listId === undefined ? undefined : await resolveSection(ctx, listId, section);
    const request = checked(TaskMove, { ids, list_id: listId, section_id: sectionId, parent_id: parent, before_id, after_id });
    // Where each task was, read in the same transaction as the move, so an Undo can put it back.
    const { before, moved } = await ctx.db.transaction(async (tx) => {
      const db = tx as unknown as Db;
      const before = await selectTasks(db, ctx.userId, { ids: request.ids }, ctx.now(), MANY_MAX);
      return { before, moved: await move(db, ctx.userId, request) };
    });
    const previous = before.map((t) => ({ id: t.id, list_id: t.list_id, section_id: t.section_id, parent_id: t.parent_id }));
    return { moved: moved.map(summarize), list: listSummary(await getList(ctx.db, ctx.userId, moved[0]!.list_id)), previous };
  },
});
