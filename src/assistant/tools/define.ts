/**
 * The shape of a task tool: its spec from the contracts (name, input, result
 * kinds, effect, progress line, undo — what the web reads too) plus what only
 * the server needs: the description for models and MCP clients, and `run`.
 * `run` receives the user from the context, which the server binds from the
 * verified token; no tool input can name a user.
 */
import type * as z from "zod";
import type { ResultKind, ResultOf, ToolResult } from "../../contracts/tool-results.ts";
import { changesTasks, type ToolName, type ToolSpec } from "../../contracts/tool-specs.ts";
import type { Db } from "../../db/client.ts";
import { DomainError } from "../../domain/errors.ts";
import type { RowLimits } from "../../domain/quotas.ts";

export interface ToolContext {
  db: Db;
  userId: string;
  /** IANA zone the user's dates are read in. */
  timeZone: string;
  now: () => Date;
  /** Called after a tool changed the user's tasks (live updates). */
  onTasksChanged: (userId: string) => void;
  /** Per-user row caps (a created task counts against `tasks`). */
  rowLimits: RowLimits;
  /** The request the tool runs for: an unexpected failure answers with it, so its log line can be found. */
  requestId?: string | undefined;
  /** Where an unexpected failure goes (the server log); the caller only ever sees a generic error. */
  reportError?: ((err: unknown, fields: { tool: string; request_id?: string | undefined }) => void) | undefined;
  /**
   * Counts one write against the user's budget, the same one REST writes use;
   * every call of a mutating tool spends it, whatever the surface (chat, ChatKit, MCP).
   */
  spendWrite?: WriteBudget | undefined;
}

/** Spends one unit of a user's write budget (bound to the user by the caller). */
export type WriteBudget = () => Promise<{ allowed: boolean; retryAfter: number }>;

export interface TaskTool<N extends ToolName = ToolName, I extends z.ZodObject = z.ZodObject, K extends ResultKind = ResultKind>
  extends ToolSpec<N, I, K> {
  /** Shown to models and MCP clients: say when to use it. */
  description: string;
  run(ctx: ToolContext, input: z.output<I>): Promise<ResultOf<K>>;
}

type Implementation<I extends z.ZodObject, K extends ResultKind> = Pick<TaskTool<ToolName, I, K>, "description" | "run">;

export function defineTool<N extends ToolName, I extends z.ZodObject, K extends ResultKind>(
  spec: ToolSpec<N, I, K>,
  impl: Implementation<I, K>,
): TaskTool<N, I, K> {
  return { ...spec, ...impl };
}

/** The first problem of a bad input, as the model (or MCP client) can read and fix it. */
export function invalidInput(error: z.ZodError): ToolResult {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  return { error: { code: "invalid_input", message: `${where}${issue?.message ?? "the input does not match the tool's schema"}` } };
}

/**
 * Runs a tool on input from a model or an MCP client: validates it with the
 * tool's own schema (the same bounds as REST), turns domain errors into a
 * result the model can read, and any other failure into a generic error that
 * names only the request id (the details go to `reportError`, never to the
 * caller, the model or the stored conversation).
 */
export async function runTool(tool: TaskTool, ctx: ToolContext, input: unknown): Promise<ToolResult> {
  const parsed = tool.input.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (tool.mutates && ctx.spendWrite) {
    const budget = await ctx.spendWrite();
    if (!budget.allowed) return { error: { code: "rate_limited", message: `too many changes; try again in ${budget.retryAfter} s` } };
  }
  let result: ToolResult;
  try {
    result = await tool.run(ctx, parsed.data);
  } catch (err) {
    if (err instanceof DomainError) return { error: { code: err.code, message: err.message } };
    ctx.reportError?.(err, { tool: tool.name, request_id: ctx.requestId });
    // The id is in the message too, so a model or MCP client that shows only the text still passes it on.
    const id = ctx.requestId;
    const message = `the tool failed on the server; try again${id ? `, or report request id ${id}` : ""}`;
    return { error: { code: "tool_failed", message, ...(id ? { request_id: id } : {}) } };
  }
  if (changesTasks(tool.name, result)) ctx.onTasksChanged(ctx.userId);
  return result;
}
