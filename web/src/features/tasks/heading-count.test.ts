import { describe, expect, it } from "vitest";
import { headingCount } from "./heading-count.ts";

describe("heading count", () => {
  it("counts matches while a filter is in force, not the whole view", () => {
    expect(headingCount({ filtered: true, status: "ready", shown: 0, more: false, total: 13 })).toBe("0 matching");
    expect(headingCount({ filtered: true, status: "ready", shown: 50, more: true, total: 130 })).toBe("50+ matching");
    expect(headingCount({ filtered: true, status: "loading", shown: 3, more: false, total: 13 })).toBeNull();
  });

  it("is the rows shown once the whole list is loaded, else the server's count", () => {
    expect(headingCount({ filtered: false, status: "ready", shown: 1, more: false, total: 13 })).toBe("1 task");
    expect(headingCount({ filtered: false, status: "ready", shown: 50, more: true, total: 130 })).toBe("130 tasks");
    expect(headingCount({ filtered: false, status: "loading", shown: 0, more: false, total: undefined })).toBeNull();
  });
});
