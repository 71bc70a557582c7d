/**
 * A list page whose list is gone (deleted here, or on another device) leaves for
 * To do instead of asking the server again for a list it no longer has.
 * A list the store does not know yet (created elsewhere a moment ago) gets one
 * reload of the lists before the page gives up on it; a failed load of the page
 * asks for that reload too, so a deletion elsewhere is noticed.
 */
import { useEffect, useRef } from "react";
import type { List } from "#contracts/list.ts";
import { currentLists, reloadLists } from "./lists-store.ts";

/** The page shows `listId` but the loaded lists do not hold it: nothing should be fetched for it. */
export const isMissingList = (listId: number | null, lists: List[] | null): boolean =>
  listId !== null && lists !== null && !lists.some((l) => l.id === listId);

export function useLeaveMissingList(listId: number | null, missing: boolean, failed: boolean, onGone: (listId: number) => void): void {
  const gone = useRef(onGone);
  gone.current = onGone;
  useEffect(() => {
    if (listId === null || !missing) return;
    let live = true;
    void reloadLists().then(() => {
      if (live && isMissingList(listId, currentLists())) gone.current(listId);
    });
    return () => {
      live = false;
    };
  }, [listId, missing]);
  useEffect(() => {
    if (listId !== null && failed) void reloadLists();
  }, [listId, failed]);
}
