/**
 * The signed-in user's lists, shared by the sidebar, the list page and the
 * quick-add box. Held in the page (not the server): one fetch, refreshed after
 * changes and when tasks change elsewhere.
 */
import { useEffect, useSyncExternalStore } from "react";
import type { List } from "#contracts/list.ts";
import { listLists } from "../../lib/lists-api.ts";
import { useTasksChanged } from "../../lib/tasks-events.ts";

let lists: List[] | null = null;
let inflight: Promise<void> | null = null;
const listeners = new Set<() => void>();

function set(next: List[]) {
  lists = [...next].sort((a, b) => Number(b.is_inbox) - Number(a.is_inbox) || a.position - b.position || a.id - b.id);
  listeners.forEach((l) => l());
}

export function reloadLists(): Promise<void> {
  inflight ??= listLists()
    .then(set)
    .catch(() => {
      /* the sidebar keeps the last lists it showed */
    })
    .finally(() => (inflight = null));
  return inflight;
}

/** Applies a list the server returned (create, rename, archive) without waiting for a reload. */
export function upsertList(list: List): void {
  set([...(lists ?? []).filter((l) => l.id !== list.id), list]);
}

export function dropList(id: number): void {
  set((lists ?? []).filter((l) => l.id !== id));
}

export const currentLists = (): List[] => lists ?? [];

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** All lists (archived ones too), Inbox first; null until the first answer. */
export function useLists(): List[] | null {
  const value = useSyncExternalStore(subscribe, () => lists);
  useEffect(() => {
    if (lists === null) void reloadLists();
  }, []);
  useTasksChanged(() => void reloadLists());
  return value;
}

/** Forget the previous user's lists (sign-out, another user). */
export function resetLists(): void {
  lists = null;
  listeners.forEach((l) => l());
}
