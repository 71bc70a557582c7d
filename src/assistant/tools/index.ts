/**
 * The task tools, listed once. The assistant and the MCP server both build
 * from this list, so a tool is never named twice.
 */
import { addTask } from "./add-task.ts";
import { completeTask } from "./complete-task.ts";
import { completeTasks } from "./complete-tasks.ts";
import type { TaskTool } from "./define.ts";
import { deleteTask } from "./delete-task.ts";
import { deleteTasks } from "./delete-tasks.ts";
import { getTask } from "./get-task.ts";
import { listTasks } from "./list-tasks.ts";
import { updateTask } from "./update-task.ts";

export const taskTools: readonly TaskTool[] = [
  addTask,
  listTasks,
  getTask,
  updateTask,
  completeTask,
  deleteTask,
  completeTasks,
  deleteTasks,
] as unknown as readonly TaskTool[];

export { runTool, type TaskTool, type ToolContext } from "./define.ts";
