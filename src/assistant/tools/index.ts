/**
 * The task tools, listed once. The assistant and the MCP server both build
 * from this list, so a tool is never named twice; each one is built from its
 * spec in `contracts/tool-specs.ts`, and the list must cover every spec.
 */
import { TOOL_NAMES, type ToolName } from "../../contracts/tool-specs.ts";
import { addTask } from "./add-task.ts";
import { completeTask } from "./complete-task.ts";
import { completeTasks } from "./complete-tasks.ts";
import { createList } from "./create-list.ts";
import type { TaskTool } from "./define.ts";
import { deleteTask } from "./delete-task.ts";
import { deleteTasks } from "./delete-tasks.ts";
import { getTask } from "./get-task.ts";
import { listLists } from "./list-lists.ts";
import { listTasks } from "./list-tasks.ts";
import { moveTasks } from "./move-tasks.ts";
import { skipOccurrence } from "./skip-occurrence.ts";
import { updateList } from "./update-list.ts";
import { updateTask } from "./update-task.ts";
import { updateTasks } from "./update-tasks.ts";

const byName = {
  add_task: addTask,
  list_tasks: listTasks,
  get_task: getTask,
  update_task: updateTask,
  complete_task: completeTask,
  delete_task: deleteTask,
  complete_tasks: completeTasks,
  delete_tasks: deleteTasks,
  list_lists: listLists,
  create_list: createList,
  update_list: updateList,
  move_tasks: moveTasks,
  update_tasks: updateTasks,
  skip_occurrence: skipOccurrence,
} satisfies { [N in ToolName]: { name: N } };

/** In the contracts' order (the order models and MCP clients list them in). */
export const taskTools: readonly TaskTool[] = TOOL_NAMES.map((name) => byName[name] as unknown as TaskTool);

export { runTool, type TaskTool, type ToolContext } from "./define.ts";
