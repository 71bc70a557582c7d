/**
 * The shape of a task tool: defined once, used by the chat assistant (AI SDK)
 * and the MCP server. `run` receives the user from the context, which the
 * server binds from the verified token; no tool input can name a user.
 */
import type * as z from "zod";
import type { ToolResult } from "../../contracts/tools.ts";
import type { Db } from "../../db/client.ts";
import { DomainError } from "../../domain/errors.ts";

export interface ToolContext {
  db: Db;
  userId: string;
  /** IANA zone the user's dates are read in. */
  timeZone: string;
  now: () => Date;
  /** Called after a tool changed the user's tasks (live updates). */
  onTasksChanged: (userId: string) => void;
}

export interface TaskTool<I extends z.ZodObject = z.ZodObject> {
  name: string;
  /** Shown to models and MCP clients: say when to use it. */
  description: string;
  input: I;
  /** Whether it changes tasks (MCP hints, live updates). */
  mutates: boolean;
  run(ctx: ToolContext, input: z.output<I>): Promise<ToolResult>;
}

export function defineTool<I extends z.ZodObject>(tool: TaskTool<I>): TaskTool<I> {
  return tool;
}

/** Runs a tool, turning domain errors into a result the model can read. */
export async function runTool<I extends z.ZodObject>(tool: TaskTool<I>, ctx: ToolContext, input: z.output<I>): Promise<ToolResult> {
  try {
    const result = await tool.run(ctx, input);
    if (tool.mutates && !("error" in result) && !("preview" in result)) ctx.onTasksChanged(ctx.userId);
    return result;
  } catch (err) {
    if (err instanceof DomainError) return { error: { code: err.code, message: err.message } };
    throw err;
  }
}
