/** Views in the URL and as API queries (TZ=UTC in this project, so local midnight is 00:00Z). */
import { describe, expect, it } from "vitest";
import { countBuckets, parseView, toListParams, viewToSearch, type TaskView } from "./views.ts";

const NOW = new Date("2026-12-02T15:30:00Z");
const view = (v: Partial<TaskView> = {}): TaskView => ({
  view: "pending",
  priority: [],
  tag: null,
  q: "",
  sort: "newest",
  list: null,
  layout: "list",
  ...v,
});
const parse = (query: string) => parseView(new URLSearchParams(query));

describe("parseView / viewToSearch", () => {
  it("an empty query is the default view, and the default view is a bare /", () => {
    expect(parse("")).toEqual(view());
    expect(viewToSearch(view())).toBe("/");
  });

  it("round-trips every part of a view through the URL", () => {
    const v = view({ view: "today", priority: ["high", "low"], tag: "work", q: "milk & eggs", sort: "title" });
    const url = viewToSearch(v);
    expect(url).toBe("/?view=today&priority=high&priority=low&tag=work&q=milk+%26+eggs&sort=title");
    expect(parse(url.slice(2))).toEqual(v);
  });

  it("leaves out a sort that is the view's default (due date for dated views)", () => {
    expect(parse("view=upcoming").sort).toBe("due");
    expect(viewToSearch(view({ view: "upcoming", sort: "due" }))).toBe("/?view=upcoming");
    expect(viewToSearch(view({ view: "upcoming", sort: "newest" }))).toBe("/?view=upcoming&sort=newest");
  });

  it("ignores unknown views, sorts and priorities instead of failing", () => {
    expect(parse("view=trash&sort=random&priority=urgent&priority=high&tag=")).toEqual(view({ priority: ["high"] }));
    expect(parse("sort=toString").sort).toBe("newest");
  });
});

describe("list pages", () => {
  it("a list page is in manual order by default and keeps its layout in the URL", () => {
    expect(parse("list=3")).toEqual(view({ list: 3, sort: "manual" }));
    expect(viewToSearch(view({ list: 3, sort: "manual", layout: "board" }))).toBe("/?list=3&layout=board");
    expect(parse("list=3&layout=board").layout).toBe("board");
    expect(parse("list=abc").list).toBeNull();
    expect(parse("layout=board").layout).toBe("list");
  });

  it("asks the API for the list's open tasks in position order", () => {
    expect(toListParams(view({ list: 7, sort: "manual" }), NOW)).toMatchObject({ list_id: 7, status: "pending", sort: "position", order: "asc" });
  });
});

describe("toListParams", () => {
  it("Today is pending tasks due from local midnight (inclusive) to the next (exclusive)", () => {
    expect(toListParams(view({ view: "today", sort: "due" }), NOW)).toEqual({
      sort: "due_at",
      order: "asc",
      priority: [],
      tag: [],
      q: undefined,
      status: "pending",
      due_after: "2026-12-02T00:00:00.000Z",
      due_before: "2026-12-03T00:00:00.000Z",
    });
  });

  it("Upcoming starts at today's midnight (its first day is Today); Overdue asks the server for overdue pending tasks", () => {
    expect(toListParams(view({ view: "upcoming" }), NOW)).toMatchObject({
      status: "pending",
      due_after: "2026-12-02T00:00:00.000Z",
    });
    expect(toListParams(view({ view: "upcoming" }), NOW)).not.toHaveProperty("due_before");
    expect(toListParams(view({ view: "overdue" }), NOW)).toMatchObject({ status: "pending", overdue: true });
  });

  it("the calendar asks for the days it shows", () => {
    const range = { from: new Date("2026-11-30T00:00:00Z"), to: new Date("2027-01-04T00:00:00Z") };
    expect(toListParams(view({ view: "calendar", sort: "due" }), NOW, range)).toMatchObject({
      status: "pending",
      due_after: "2026-11-30T00:00:00.000Z",
      due_before: "2027-01-04T00:00:00.000Z",
      sort: "due_at",
    });
  });

  it("maps the status views, filters and a trimmed search", () => {
    expect(toListParams(view({ view: "all" }), NOW).status).toBe("all");
    expect(toListParams(view({ view: "completed" }), NOW).status).toBe("completed");
    const filtered = toListParams(view({ priority: ["high"], tag: "home", q: "  milk  ", sort: "priority" }), NOW);
    expect(filtered).toEqual({
      status: "pending",
      sort: "priority",
      order: "desc",
      priority: ["high"],
      tag: ["home"],
      q: "milk",
    });
    expect(toListParams(view({ q: "   " }), NOW).q).toBeUndefined();
  });
});

describe("countBuckets", () => {
  const pending = (due_at: string | null) => ({ completed: false, due_at });

  it("puts a task in the same buckets as the server's counts", () => {
    expect(countBuckets(pending(null), NOW)).toEqual(["all", "pending"]);
    expect(countBuckets(pending("2026-12-02T09:00:00Z"), NOW)).toEqual(["all", "pending", "overdue", "due_today"]);
    expect(countBuckets(pending("2026-12-02T23:59:00Z"), NOW)).toEqual(["all", "pending", "due_today"]);
    expect(countBuckets(pending("2026-12-03T00:00:00Z"), NOW)).toEqual(["all", "pending", "upcoming"]);
    expect(countBuckets(pending("2026-12-01T23:59:00Z"), NOW)).toEqual(["all", "pending", "overdue"]);
  });

  it("a completed task counts as completed only, whatever its due date", () => {
    expect(countBuckets({ completed: true, due_at: "2026-12-01T09:00:00Z" }, NOW)).toEqual(["all", "completed"]);
  });
});
