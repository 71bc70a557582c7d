/** Bulk selection: checkboxes in select mode, shift-click for a range, ctrl/cmd-click for one more. */
import { useCallback, useMemo, useRef, useState } from "react";

export interface Selection {
  ids: ReadonlySet<number>;
  /** The last row clicked without shift: where a shift-click range starts. */
  anchor: number | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

/** `order`: the ids as shown, so a range is what the user sees between the two rows. */
export function select(s: Selection, order: readonly number[], id: number, how: "range" | "toggle"): Selection {
  if (how === "range" && s.anchor !== null && order.includes(s.anchor) && order.includes(id)) {
    const [a, b] = [order.indexOf(s.anchor), order.indexOf(id)].sort((x, y) => x - y);
    return { ids: new Set([...s.ids, ...order.slice(a, b! + 1)]), anchor: s.anchor };
  }
  const ids = new Set(s.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/** Drops ids no longer on the page (deleted, moved away) so actions never name them. */
export const prune = (s: Selection, present: readonly number[]): Selection => {
  const here = new Set(present);
  const ids = [...s.ids].filter((id) => here.has(id));
  return ids.length === s.ids.size
    ? s
    : { ids: new Set(ids), anchor: s.anchor !== null && here.has(s.anchor) ? s.anchor : null };
};

export function useSelection(order: readonly number[]) {
  const [mode, setMode] = useState(false);
  const [sel, setSel] = useState<Selection>(EMPTY_SELECTION);
  const orderRef = useRef(order);
  orderRef.current = order;
  const pruned = useMemo(() => prune(sel, order), [sel, order]);
  const onSelect = useCallback((id: number, how: "range" | "toggle") => {
    setMode(true);
    setSel((s) => select(prune(s, orderRef.current), orderRef.current, id, how));
  }, []);
  const clear = useCallback(() => setSel(EMPTY_SELECTION), []);
  const exit = useCallback(() => {
    setMode(false);
    setSel(EMPTY_SELECTION);
  }, []);
  const all = useCallback(() => setSel({ ids: new Set(orderRef.current), anchor: null }), []);
  return { mode, enter: () => setMode(true), exit, ids: pruned.ids, onSelect, clear, all };
}
