import { useEffect, useState } from "react";
import type { Occurrence } from "#contracts/occurrences.ts";
import { listOccurrences } from "./date-api.ts";

/** Projected occurrences in [from, to), refetched when the window or `version` changes. */
export function useOccurrences(from: Date, to: Date, version: unknown, enabled = true): Occurrence[] {
  const [items, setItems] = useState<Occurrence[]>([]);
  const key = `${from.toISOString()}|${to.toISOString()}`;
  useEffect(() => {
    if (!enabled) return;
    const ac = new AbortController();
    listOccurrences(from, to, ac.signal).then(setItems, () => {});
    return () => ac.abort();
  }, [key, version, enabled]); // eslint-disable-line react-hooks/exhaustive-deps
  return enabled ? items : [];
}
