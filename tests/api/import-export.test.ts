/**
 * Import (Todoist CSV and JSON, TickTick CSV, Tickler's own export) and export
 * (JSON and CSV) through the REST API, on both databases: preview writes
 * nothing, import is all or nothing, and export → import into a fresh account
 * gives the same lists, sections, subtasks, tags, priorities and due dates.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { List, Section } from "../../src/contracts/list.ts";
import type { Task, TaskPage } from "../../src/contracts/task.ts";
import type { ImportResult, ImportSummary } from "../../src/contracts/transfer.ts";
import { IMPORT_BYTES_MAX, IMPORT_TASKS_MAX } from "../../src/contracts/transfer.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let ann: TestUser;
let bob: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  [ann, bob] = await Promise.all([t.signUp("Ann"), t.signUp("Bob")]);
});
afterAll(() => t.close());

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), "utf8");
const send = (user: TestUser, path: string, body: string, type = "text/csv") =>
  t.request(path, { method: "POST", headers: { authorization: user.headers.authorization!, "content-type": type }, body });
const ok = async <T>(res: Response | Promise<Response>, status = 200): Promise<T> => {
  const r = await res;
  expect(r.status, await r.clone().text()).toBe(status);
  return (await r.json()) as T;
};
const errorOf = async (res: Response | Promise<Response>, status: number) => {
  const r = await res;
  expect(r.status, await r.clone().text()).toBe(status);
  return ((await r.json()) as { error: { code: string; message: string } }).error;
};
const allTasks = async (user: TestUser) => (await ok<TaskPage>(t.api(user, "GET", "/api/me/tasks?status=all&limit=100"))).tasks;
const allLists = async (user: TestUser) => (await ok<{ lists: List[] }>(t.api(user, "GET", "/api/me/lists"))).lists;
const sectionsOf = async (user: TestUser, listId: number) => (await ok<{ sections: Section[] }>(t.api(user, "GET", `/api/me/lists/${listId}/sections`))).sections;
const byTitle = (tasks: Task[], title: string) => {
  const found = tasks.find((x) => x.title === title);
  expect(found, `task “${title}”`).toBeDefined();
  return found!;
};

describe("Todoist CSV", () => {
  it("previews what it will create and what it cannot map, writing nothing", async () => {
    const user = await t.signUp("Previewer");
    const preview = await ok<ImportSummary>(send(user, "/api/me/import/preview?format=todoist-csv&list=Shopping&tz=Europe/Berlin", fixture("todoist-template.csv")));
    expect(preview).toMatchObject({ format: "todoist-csv", tasks: 4, subtasks: 1, completed: 0, with_due_date: 1, with_recurrence: 1 });
    expect(preview.lists).toEqual([{ name: "Shopping", existing: false, sections: 2, tasks: 4 }]);
    expect(preview.sample).toEqual(["Buy milk", "Oat milk if none", "Pay rent", "Learn the cello"]);
    const messages = preview.issues.map((i) => `${i.where}: ${i.message}`);
    expect(messages).toContain("line 8: the date “sometime when the moon is blue” was not understood and was left out");
    expect(messages).toContain("line 9: a task without a title was skipped");
    expect(await allTasks(user)).toEqual([]);
    expect((await allLists(user)).map((l) => l.name)).toEqual(["Inbox"]);
  });

  it("imports sections, subtasks, labels, priorities, notes and dates into the named list", async () => {
    const result = await ok<ImportResult>(send(ann, "/api/me/import?format=todoist-csv&list=Shopping&tz=Europe/Berlin", fixture("todoist-template.csv")), 201);
    expect(result).toMatchObject({ imported: true, tasks: 4 });
    const list = (await allLists(ann)).find((l) => l.name === "Shopping")!;
    const sections = await sectionsOf(ann, list.id);
    expect(sections.map((s) => s.name)).toEqual(["Groceries", "Someday"]);
    const tasks = await allTasks(ann);
    const milk = byTitle(tasks, "Buy milk");
    expect(milk).toMatchObject({ priority: "high", tags: ["errands", "shop"], description: "Semi-skimmed", list_id: list.id, section_id: sections[0]!.id, parent_id: null });
    // "tomorrow at 9am" in Berlin, counted from the moment of the import.
    expect(new Date(milk.due_at!).getTime() - Date.now()).toBeGreaterThan(0);
    expect(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" }).format(new Date(milk.due_at!))).toBe("09:00");
    expect(byTitle(tasks, "Oat milk if none")).toMatchObject({ parent_id: milk.id, priority: "none", description: "Ask at the counter", section_id: sections[0]!.id });
    expect(byTitle(tasks, "Pay rent")).toMatchObject({ priority: "medium" });
    expect(byTitle(tasks, "Learn the cello")).toMatchObject({ priority: "low", due_at: null, section_id: sections[1]!.id });
  });

  it("refuses a file that is not a Todoist CSV", async () => {
    expect((await errorOf(send(ann, "/api/me/import/preview?format=todoist-csv", "a,b\n1,2\n"), 422)).code).toBe("invalid_file");
    expect((await errorOf(send(ann, "/api/me/import/preview?format=todoist-csv", '"unclosed,quote\n'), 422)).code).toBe("invalid_file");
  });
});

describe("Todoist JSON backup", () => {
  it("maps projects, sections, subtasks, priorities, labels, completion and dates", async () => {
    const user = await t.signUp("Gardener");
    const preview = await ok<ImportSummary>(send(user, "/api/me/import/preview?format=todoist-json&tz=Europe/Berlin", fixture("todoist-backup.json"), "application/json"));
    expect(preview).toMatchObject({ tasks: 4, subtasks: 1, completed: 1, with_recurrence: 1 });
    expect(preview.lists).toEqual([
      { name: "Inbox", existing: true, sections: 0, tasks: 1 },
      { name: "Garden", existing: false, sections: 1, tasks: 3 },
    ]);
    expect(preview.issues).toContainEqual({ where: "item 5", message: "an item without an id or content was skipped" });
    await ok(send(user, "/api/me/import?format=todoist-json&tz=Europe/Berlin", fixture("todoist-backup.json"), "application/json"), 201);
    const lists = await allLists(user);
    const garden = lists.find((l) => l.name === "Garden")!;
    expect(garden.color).toBe("green");
    const tasks = await allTasks(user);
    const tulips = byTitle(tasks, "Plant tulips");
    // A date-only due is the end of that day in the user's zone.
    expect(tulips).toMatchObject({ priority: "high", tags: ["outdoor"], description: "Along the fence", list_id: garden.id, due_at: "2026-12-10T22:59:59.000Z" });
    expect(byTitle(tasks, "Buy bulbs")).toMatchObject({ parent_id: tulips.id, completed: true, completed_at: "2026-11-28T12:00:00.000Z", priority: "none" });
    expect(byTitle(tasks, "Water the lawn")).toMatchObject({ due_at: "2026-12-07T06:30:00.000Z", priority: "low" });
    expect(byTitle(tasks, "Call plumber")).toMatchObject({ list_id: lists.find((l) => l.is_inbox)!.id, due_at: "2026-12-02T16:00:00.000Z", priority: "medium", tags: ["home"] });
  });

  it("refuses what is not JSON, or not a backup", async () => {
    expect((await errorOf(send(ann, "/api/me/import/preview?format=todoist-json", "{not json", "application/json"), 422)).code).toBe("invalid_file");
    expect((await errorOf(send(ann, "/api/me/import/preview?format=todoist-json", "[1,2]", "application/json"), 422)).code).toBe("invalid_file");
  });
});

describe("TickTick CSV backup", () => {
  it("maps lists, kanban columns to sections, subtasks, priorities, tags, status and reminders", async () => {
    const user = await t.signUp("Ticker");
    const preview = await ok<ImportSummary>(send(user, "/api/me/import/preview?format=ticktick-csv", fixture("ticktick-backup.csv")));
    expect(preview).toMatchObject({ tasks: 4, subtasks: 1, completed: 1, with_recurrence: 1, with_reminders: 1 });
    expect(preview.issues).toContainEqual({ where: "line 4", message: "TickTick folders are not kept; the list was imported on its own" });
    await ok(send(user, "/api/me/import?format=ticktick-csv", fixture("ticktick-backup.csv")), 201);
    const lists = await allLists(user);
    expect(lists.map((l) => l.name).sort()).toEqual(["Chores", "Inbox", "Work"]);
    const work = lists.find((l) => l.name === "Work")!;
    const [doing] = await sectionsOf(user, work.id);
    expect(doing?.name).toBe("Doing");
    const tasks = await allTasks(user);
    const report = byTitle(tasks, "Write report");
    expect(report).toMatchObject({ priority: "high", tags: ["work", "q4"], description: "Draft first", due_at: "2026-12-05T15:00:00.000Z", section_id: doing!.id });
    expect(byTitle(tasks, "Collect figures")).toMatchObject({ parent_id: report.id, priority: "low", section_id: doing!.id });
    expect(byTitle(tasks, "Old thing")).toMatchObject({ completed: true, completed_at: "2026-11-02T10:00:00.000Z", list_id: lists.find((l) => l.is_inbox)!.id });
  });
});

describe("Tickler's own export", () => {
  it("round-trips lists, sections, subtasks, tags, priorities, due dates, completion, recurrence and reminders into a fresh account", async () => {
    const from = await t.signUp("Exporter");
    const list = await ok<List>(t.api(from, "POST", "/api/me/lists", { name: "Party", color: "purple" }), 201);
    const section = await ok<Section>(t.api(from, "POST", `/api/me/lists/${list.id}/sections`, { name: "Food" }), 201);
    const parent = await ok<Task>(t.api(from, "POST", "/api/me/tasks", { title: "Plan menu", list_id: list.id, section_id: section.id, priority: "high", tags: ["party"], due_at: "2026-12-24T18:00:00Z" }), 201);
    await ok(t.api(from, "POST", "/api/me/tasks", { title: "Ask about allergies", parent_id: parent.id, description: "nuts?" }), 201);
    await ok(t.api(from, "POST", "/api/me/tasks", { title: "Send invitations", list_id: list.id, completed: true }), 201);
    await ok(t.api(from, "POST", "/api/me/tasks", { title: "Inbox thing", priority: "low" }), 201);
    await ok(t.api(from, "POST", "/api/me/tasks", { title: "Water plants", recurrence: { text: "every monday at 9am" }, reminders: [{ before_minutes: 15 }] }), 201);
    const exported = await (await t.api(from, "GET", "/api/me/export")).text();

    const to = await t.signUp("Importer");
    await ok(t.api(to, "POST", "/api/me/lists", { name: "party" }), 201); // matched case-insensitively, not duplicated
    const result = await ok<ImportResult>(send(to, "/api/me/import?format=tickler-json", exported, "application/json"), 201);
    expect(result).toMatchObject({ tasks: 5, subtasks: 1, completed: 1, with_recurrence: 1, with_reminders: 1 });
    const shape = async (user: TestUser) => {
      const lists = await allLists(user);
      const names = new Map(lists.map((l) => [l.id, l.is_inbox ? "Inbox" : l.name.toLowerCase()]));
      const tasks = await allTasks(user);
      const titles = new Map(tasks.map((x) => [x.id, x.title]));
      const sectionNames = new Map<number, string>();
      for (const l of lists) for (const s of await sectionsOf(user, l.id)) sectionNames.set(s.id, s.name);
      return tasks
        .map((x) => ({
          title: x.title,
          description: x.description,
          priority: x.priority,
          tags: x.tags,
          due_at: x.due_at,
          completed: x.completed,
          list: names.get(x.list_id),
          section: x.section_id === null ? null : sectionNames.get(x.section_id),
          parent: x.parent_id === null ? null : titles.get(x.parent_id),
          recurrence: x.recurrence,
          reminders: (x.reminders ?? []).map((r) => ("before_minutes" in r ? { before_minutes: r.before_minutes } : { at: r.at })),
        }))
        .sort((a, b) => a.title.localeCompare(b.title));
    };
    expect(await shape(to)).toEqual(await shape(from));
    expect((await allLists(to)).filter((l) => l.name.toLowerCase() === "party")).toHaveLength(1);
  });
});

describe("bounds, atomicity and isolation", () => {
  it("an import over the size limits is refused with nothing written", async () => {
    const user = await t.signUp("Bulky");
    const rows = Array.from({ length: IMPORT_TASKS_MAX + 1 }, (_, i) => `task,Task ${i},,4,1,,,,,,,`);
    const csv = ["TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE,DURATION,DURATION_UNIT", ...rows].join("\n");
    expect((await errorOf(send(user, "/api/me/import?format=todoist-csv", csv), 422)).code).toBe("import_too_large");
    const huge = "x".repeat(IMPORT_BYTES_MAX + 1);
    expect((await errorOf(send(user, "/api/me/import?format=todoist-csv", huge), 413)).code).toBe("payload_too_large");
    expect(await allTasks(user)).toEqual([]);
  });

  it("the row cap refuses the whole import, not part of it", async () => {
    const small = await createTestApp({ ROW_LIMIT_TASKS: "3" });
    try {
      const user = await small.signUp("Capped");
      const res = await small.request("/api/me/import?format=todoist-csv&list=Shopping", {
        method: "POST",
        headers: { authorization: user.headers.authorization!, "content-type": "text/csv" },
        body: fixture("todoist-template.csv"),
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("quota_exceeded");
      const lists = (await (await small.api(user, "GET", "/api/me/lists")).json()) as { lists: List[] };
      expect(lists.lists.map((l) => l.name)).toEqual(["Inbox"]);
      expect(((await (await small.api(user, "GET", "/api/me/tasks")).json()) as TaskPage).tasks).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it("counts as one write against the per-user limit, however many tasks it holds", async () => {
    const user = await t.signUp("Counted");
    const before = await t.api(user, "POST", "/api/me/tasks", { title: "one" });
    const remaining = Number(before.headers.get("ratelimit-remaining"));
    const res = await send(user, "/api/me/import?format=todoist-csv", fixture("todoist-template.csv"));
    expect(res.status).toBe(201);
    expect(Number(res.headers.get("ratelimit-remaining"))).toBe(remaining - 1);
  });

  it("bad parameters are clear 4xx errors; another user's path is refused", async () => {
    expect((await errorOf(send(ann, "/api/me/import/preview?format=evernote", "x"), 422)).code).toBe("validation_failed");
    expect((await errorOf(send(ann, "/api/me/import/preview", "x"), 422)).code).toBe("validation_failed");
    expect((await errorOf(send(ann, "/api/me/import/preview?format=todoist-csv&tz=Mars/Base", fixture("todoist-template.csv")), 422)).code).toBe("invalid_time_zone");
    expect((await errorOf(send(ann, "/api/me/import/preview?format=todoist-csv", "TYPE,CONTENT\n"), 422)).code).toBe("import_empty");
    const other = await send(ann, `/api/${bob.id}/import?format=todoist-csv`, fixture("todoist-template.csv"));
    expect([403, 404]).toContain(other.status);
    expect(await allTasks(bob)).toEqual([]);
    expect((await t.request("/api/me/import?format=todoist-csv", { method: "POST", body: "x" })).status).toBe(401);
  });
});

describe("export", () => {
  it("JSON carries lists and sections beside tasks (format 2)", async () => {
    const data = await ok<{ format_version: number; lists: List[]; sections: Section[]; tasks: Task[] }>(t.api(ann, "GET", "/api/me/export"));
    expect(data.format_version).toBe(2);
    expect(data.lists.map((l) => l.name)).toContain("Shopping");
    expect(data.sections.map((s) => s.name)).toEqual(expect.arrayContaining(["Groceries", "Someday"]));
  });

  it("CSV has one row per task with list and section by name, and defuses formulas", async () => {
    const user = await t.signUp("Spreadsheet");
    const list = await ok<List>(t.api(user, "POST", "/api/me/lists", { name: "Work" }), 201);
    await ok(t.api(user, "POST", "/api/me/tasks", { title: "=HYPERLINK(\"http://evil\")", list_id: list.id, tags: ["a", "b"], priority: "high" }), 201);
    await ok(t.api(user, "POST", "/api/me/tasks", { title: 'Say "hi", then leave' }), 201);
    const res = await t.api(user, "GET", "/api/me/export?format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="tickler-tasks-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("id,title,description,list,section,parent_id,priority,tags,due_at,completed,completed_at,created_at,updated_at");
    expect(lines[1]).toMatch(/^1,"'=HYPERLINK\(""http:\/\/evil""\)",,Work,,,high,a b,,false,,/);
    expect(lines[2]).toMatch(/^2,"Say ""hi"", then leave",,Inbox,,,none,,,false,,/);
    expect((await errorOf(t.api(user, "GET", "/api/me/export?format=xml"), 422)).code).toBe("validation_failed");
  });
});
