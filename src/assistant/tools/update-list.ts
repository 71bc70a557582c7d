import { TOOL_SPECS } from "../../contracts/tool-specs.ts";
import { updateList as update } from "../../domain/lists/service.ts";
import { defineTool } from "./define.ts";
import { listSummary, resolveList } from "./resolve.ts";

export const updateList = defineTool(TOOL_SPECS.update_list, {
  description: "Rename, recolour, archive or unarchive a list (by name or number). The Inbox cannot be archived.",
  async run(ctx, { list, ...changes }) {
    const before = await resolveList(ctx, list);
    const after = await update(ctx.db, ctx.userId, before.id, changes);
    const previous = Object.fromEntries((["name", "color", "archived"] as const).filter((k) => changes[k] !== undefined && before[k] !== after[k]).map((k) => [k, before[k]]));
    return { list: listSummary(after), previous };
  },
});
