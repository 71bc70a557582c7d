/**
 * TickTick's CSV backup: a few preamble lines, then one row per task with its
 * list, kanban column (a section here), tags, dates, RRULE and reminder
 * triggers. Priority is 0/1/3/5; Status 0 is open, 1 and 2 are done.
 */
import { parse } from "csv-parse/sync";
import type { Priority } from "../../contracts/task.ts";
import type { GrammarContext } from "../../grammar/index.ts";
import { invalid } from "../errors.ts";
import { cleanDescription, cleanInstant, cleanListName, cleanTags, cleanTitle, flattenDepth, Issues, type Draft, type DraftList, type DraftTask } from "./draft.ts";
import { ruleOf } from "./rules.ts";

const PRIORITY: Record<string, Priority> = { "0": "none", "1": "low", "3": "medium", "5": "high" };
/** "-PT30M", "TRIGGER:-P1DT2H", "-PT0S": minutes before the due date. */
const TRIGGER = /^(?:TRIGGER:)?-?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export function readTicktickCsv(text: string, ctx: GrammarContext): Draft {
  const start = text.search(/^\uFEFF?"?Folder Name"?,|^\uFEFF?"?List Name"?,/m);
  if (start < 0) throw invalid("invalid_file", "a TickTick backup has a header row with “List Name” and “Title”");
  let rows: Record<string, string>[];
  try {
    rows = parse(text.slice(start), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true });
  } catch {
    throw invalid("invalid_file", "this is not a readable CSV file");
  }
  const issues = new Issues();
  const lists = new Map<string, DraftList>();
  const tasks: DraftTask[] = [];
  const listFor = (name: string): DraftList => {
    const clean = cleanListName(name, "Inbox");
    const inbox = clean.toLowerCase() === "inbox";
    let list = lists.get(clean.toLowerCase());
    if (!list) lists.set(clean.toLowerCase(), (list = { key: `l${lists.size}`, name: clean, color: "grey", inbox, sections: [] }));
    return list;
  };
  rows.forEach((row, i) => {
    const where = `line ${i + 2}`;
    const named = cleanTitle(row.Title ?? "", where, issues);
    if (!named) return;
    if (row["Folder Name"]?.trim()) issues.add(where, "TickTick folders are not kept; the list was imported on its own");
    const list = listFor(row["List Name"] ?? "");
    let section: string | null = null;
    const column = row["Column Name"]?.trim();
    if (column) {
      const found = list.sections.find((s) => s.name.toLowerCase() === column.toLowerCase());
      section = found?.key ?? `${list.key}s${list.sections.length}`;
      if (!found) list.sections.push({ key: section, name: column.slice(0, 100) });
    }
    const done = row.Status === "1" || row.Status === "2";
    const task: DraftTask = {
      key: row.taskId?.trim() || `row${i}`,
      title: named.title,
      description: cleanDescription([named.overflow, row.Content], where, issues),
      priority: PRIORITY[(row.Priority ?? "0").trim()] ?? "none",
      tags: cleanTags((row.Tags ?? "").split(",").map((t) => t.trim()).filter(Boolean), where, issues),
      due_at: cleanInstant(isoOffset(row["Due Date"] ?? row["Start Date"]), where, issues),
      completed: done,
      completed_at: done ? cleanInstant(isoOffset(row["Completed Time"]), where, issues, "completion time") : null,
      list_key: list.key,
      section_key: section,
      parent_key: row.parentId?.trim() || null,
      recurrence: null,
      reminders: [],
    };
    if (row.Repeat?.trim()) task.recurrence = ruleOf(row.Repeat, task.due_at, ctx, where, issues);
    for (const trigger of (row.Reminder ?? "").split(",").map((r) => r.trim()).filter(Boolean)) {
      const m = TRIGGER.exec(trigger);
      if (!m || !task.due_at) {
        issues.add(where, `the reminder “${trigger.slice(0, 30)}” was not understood and was left out`);
        continue;
      }
      const minutes = Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
      task.reminders.push({ before_minutes: minutes });
    }
    tasks.push(task);
  });
  const keys = new Set(tasks.map((t) => t.key));
  for (const t of tasks) {
    if (t.parent_key && !keys.has(t.parent_key)) {
      issues.add(`task “${t.title.slice(0, 60)}”`, "its parent task is not in the file; it became a task of its own");
      t.parent_key = null;
    }
  }
  flattenDepth(tasks, issues);
  return { lists: [...lists.values()], tasks, issues: issues.list };
}

/** TickTick writes offsets as +0000; ISO 8601 as JavaScript reads it wants +00:00. */
const isoOffset = (s: string | undefined) => s?.trim().replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
