/** The task tools as AI SDK tools, bound to one verified user. */
import { tool, type ToolSet } from "ai";
import { runTool, taskTools, type ToolContext } from "./index.ts";

export function aiSdkTools(ctx: ToolContext): ToolSet {
  return Object.fromEntries(
    taskTools.map((t) => [
      t.name,
      tool({
        description: t.description,
        inputSchema: t.input,
        execute: (input) => runTool(t, ctx, input as never),
      }),
    ]),
  );
}
