/** The task tools as AI SDK tools, bound to one verified user. */
import { jsonSchema, tool, zodSchema, type ToolSet } from "ai";
import { runTool, taskTools, type TaskTool, type ToolContext } from "./index.ts";

/**
 * The provider sees the tool's JSON schema as AI SDK would derive it, but a bad
 * input is not refused by AI SDK (whose error text, with the raw input, would be
 * what the model reads and repeats): it reaches `runTool`, which answers the
 * same `invalid_input` result as on every other surface. Valid input arrives
 * parsed, as before.
 */
function inputSchema(t: TaskTool) {
  const derived = zodSchema(t.input);
  return jsonSchema<Record<string, unknown>>(() => derived.jsonSchema, {
    validate: (value) => {
      const r = t.input.safeParse(value);
      return { success: true, value: (r.success ? r.data : value) as Record<string, unknown> };
    },
  });
}

export function aiSdkTools(ctx: ToolContext): ToolSet {
  return Object.fromEntries(
    taskTools.map((t) => [
      t.name,
      tool({
        description: t.description,
        inputSchema: inputSchema(t),
        execute: (input) => runTool(t, ctx, input),
      }),
    ]),
  );
}
