import { TOOL_SPECS } from "../../contracts/tool-specs.ts";
import { DomainError } from "../../domain/errors.ts";
import { deleteMany, selectTasks } from "../../domain/tasks/bulk.ts";
import { deletedSummary, toConditions } from "./convert.ts";
import { defineTool } from "./define.ts";

export const deleteTasks = defineTool(TOOL_SPECS.delete_tasks, {
  description:
    "Delete several tasks by numbers (ids) or by a filter. Without confirm: true it only previews what would be deleted: show the user and ask before calling again with confirm: true.",
  async run(ctx, { ids, filter, confirm }) {
    if (!ids && !filter) throw new DomainError("invalid", "invalid_input", "give ids or a filter");
    const targets = await selectTasks(ctx.db, ctx.userId, { ids, filter: toConditions(filter, ctx.timeZone) }, ctx.now());
    const brief = (t: { id: number; title: string }) => ({ id: t.id, title: t.title });
    if (!confirm) return { preview: true, would_delete: targets.map(brief) };
    const deleted = await deleteMany(ctx.db, ctx.userId, targets.map((t) => t.id));
    return { deleted: deleted.map(deletedSummary) };
  },
});
