import { useMemo, useRef } from "react";
import type { Task } from "#contracts/task.ts";

/**
 * Tags offered in the tag filter: every tag seen on this page so far (the API has
 * no tag list), so filtering by one tag doesn't make the others disappear.
 */
export function useKnownTags(tasks: Task[], selected: string | null): string[] {
  const seen = useRef(new Set<string>());
  return useMemo(() => {
    for (const t of tasks) for (const tag of t.tags) seen.current.add(tag);
    if (selected) seen.current.add(selected);
    return [...seen.current].sort((a, b) => a.localeCompare(b));
  }, [tasks, selected]);
}
