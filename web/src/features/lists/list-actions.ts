/** List writes from the sidebar and the quick-add box; the shared store follows the server's answers. */
import type { List } from "#contracts/list.ts";
import { createList, deleteList, patchList, type ListColorName } from "../../lib/lists-api.ts";
import { notifyTasksChanged } from "../../lib/tasks-events.ts";
import { dropList, reloadLists, upsertList } from "./lists-store.ts";

export async function addList(name: string, color?: ListColorName): Promise<List> {
  const list = await createList(name.trim(), color);
  upsertList(list);
  return list;
}

export async function renameList(list: List, name: string): Promise<List> {
  const saved = await patchList(list.id, { name: name.trim() });
  upsertList(saved);
  return saved;
}

export async function setArchived(list: List, archived: boolean): Promise<List> {
  const saved = await patchList(list.id, { archived });
  upsertList(saved);
  return saved;
}

/** `tasks`: what happens to the list's tasks; without it the server refuses a list that has any (409). */
export async function removeList(list: List, tasks?: "move" | "delete"): Promise<void> {
  await deleteList(list.id, tasks);
  dropList(list.id);
  void reloadLists();
  notifyTasksChanged();
}
