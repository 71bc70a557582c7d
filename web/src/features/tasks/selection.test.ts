import { describe, expect, it } from "vitest";
import { EMPTY_SELECTION, prune, select } from "./selection.ts";

const ORDER = [5, 3, 8, 1, 9];
const ids = (s: { ids: ReadonlySet<number> }) => [...s.ids].sort((a, b) => a - b);

describe("bulk selection", () => {
  it("toggles one row and remembers it as the range anchor", () => {
    const s = select(EMPTY_SELECTION, ORDER, 3, "toggle");
    expect(ids(s)).toEqual([3]);
    expect(s.anchor).toBe(3);
    expect(ids(select(s, ORDER, 3, "toggle"))).toEqual([]);
  });

  it("shift selects every row shown between the anchor and the click, either way", () => {
    const s = select(EMPTY_SELECTION, ORDER, 3, "toggle");
    expect(ids(select(s, ORDER, 1, "range"))).toEqual([1, 3, 8]);
    expect(ids(select(select(EMPTY_SELECTION, ORDER, 9, "toggle"), ORDER, 8, "range"))).toEqual([1, 8, 9]);
  });

  it("a shift-click without an anchor selects just that row", () => {
    expect(ids(select(EMPTY_SELECTION, ORDER, 8, "range"))).toEqual([8]);
  });

  it("forgets rows that left the page", () => {
    const s = select(select(EMPTY_SELECTION, ORDER, 5, "toggle"), ORDER, 9, "toggle");
    const p = prune(s, [5, 3]);
    expect(ids(p)).toEqual([5]);
    expect(p.anchor).toBeNull();
  });
});
