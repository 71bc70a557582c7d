import { TOOL_SPECS } from "../../contracts/tool-specs.ts";
import { createList as create } from "../../domain/lists/service.ts";
import { defineTool } from "./define.ts";
import { listSummary } from "./resolve.ts";

export const createList = defineTool(TOOL_SPECS.create_list, {
  description: "Create a new list (like a Todoist project). Only when the user asks for a list.",
  async run(ctx, input) {
    return { list: listSummary(await create(ctx.db, ctx.userId, input)) };
  },
});
