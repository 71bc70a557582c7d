/**
 * Todoist's CSV project template (one project per file): rows of TYPE task,
 * section or note; INDENT nests subtasks; PRIORITY 1 is p1 (highest); labels
 * are `@words` inside CONTENT; DATE is Todoist's plain-words date, which the
 * shared grammar reads (with the recurrence it may carry, "every monday").
 */
import { parse } from "csv-parse/sync";
import { parseQuickAdd, type GrammarContext } from "../../grammar/index.ts";
import type { Priority } from "../../contracts/task.ts";
import { cleanDescription, cleanTags, cleanTitle, flattenDepth, Issues, type Draft, type DraftTask } from "./draft.ts";
import { invalid } from "../errors.ts";
import { assertTimeZone } from "../time.ts";

const PRIORITY: Record<string, Priority> = { "1": "high", "2": "medium", "3": "low", "4": "none" };
const LABEL = /(^|\s)@([\p{L}\p{N}_-]+)/gu;

export function readTodoistCsv(text: string, ctx: GrammarContext, listName: string | null): Draft {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: (h: string[]) => h.map((c) => c.trim().toUpperCase()), bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch {
    throw invalid("invalid_file", "this is not a readable CSV file");
  }
  if (rows.length > 0 && !("TYPE" in rows[0]! && "CONTENT" in rows[0])) throw invalid("invalid_file", "a Todoist CSV file has TYPE and CONTENT columns");
  const issues = new Issues();
  const listKey = "list";
  const draft: Draft = { lists: [{ key: listKey, name: listName ?? "Inbox", color: "grey", inbox: listName === null, sections: [] }], tasks: [], issues: issues.list };
  const list = draft.lists[0]!;
  let section: string | null = null;
  // The last task seen at each indent: a row at indent n hangs from the one at n - 1.
  const atIndent: DraftTask[] = [];
  rows.forEach((row, i) => {
    const where = `line ${i + 2}`;
    const type = (row.TYPE ?? "").toLowerCase();
    const content = row.CONTENT ?? "";
    if (type === "section") {
      const name = content.trim().slice(0, 100);
      if (!name) return issues.add(where, "a section without a name was skipped");
      section = `s${list.sections.length}`;
      list.sections.push({ key: section, name });
      atIndent.length = 0;
      return;
    }
    if (type === "note") {
      const last = draft.tasks.at(-1);
      if (!last) return issues.add(where, "a comment before any task was skipped");
      last.description = cleanDescription([last.description, content], where, issues);
      return;
    }
    if (type !== "task") {
      if (type !== "meta" && type !== "") issues.add(where, `rows of type “${type.slice(0, 20)}” are not imported`);
      return;
    }
    const labels = [...content.matchAll(LABEL)].map((m) => m[2]!);
    const named = cleanTitle(content.replace(LABEL, " "), where, issues);
    if (!named) return;
    const indent = Math.max(1, Math.min(Number.parseInt(row.INDENT ?? "1", 10) || 1, 5));
    const parent = indent > 1 ? (atIndent[indent - 2] ?? null) : null;
    if (indent > 1 && !parent) issues.add(where, "a subtask without a task above it became a task");
    const task: DraftTask = {
      key: `t${i}`,
      title: named.title,
      description: cleanDescription([named.overflow, row.DESCRIPTION], where, issues),
      priority: PRIORITY[(row.PRIORITY ?? "").trim()] ?? "none",
      tags: cleanTags(labels, where, issues),
      due_at: null,
      completed: false,
      completed_at: null,
      list_key: listKey,
      section_key: section,
      parent_key: parent?.key ?? null,
      recurrence: null,
      reminders: [],
    };
    readDate(row, task, ctx, where, issues);
    draft.tasks.push(task);
    atIndent[(parent ? indent : 1) - 1] = task;
    atIndent.length = parent ? indent : 1;
  });
  flattenDepth(draft.tasks, issues);
  return draft;
}

function readDate(row: Record<string, string>, task: DraftTask, ctx: GrammarContext, where: string, issues: Issues) {
  const text = (row.DATE ?? "").trim();
  if (!text) return;
  let zone = ctx.timeZone;
  if (row.TIMEZONE?.trim()) {
    try {
      zone = assertTimeZone(row.TIMEZONE.trim());
    } catch {
      issues.add(where, `the time zone “${row.TIMEZONE.trim().slice(0, 40)}” is unknown; ${ctx.timeZone} was used`);
    }
  }
  const parsed = parseQuickAdd(text, { ...ctx, timeZone: zone });
  if ((!parsed.due && !parsed.recurrence) || parsed.title.trim()) {
    issues.add(where, `the date “${text.slice(0, 60)}” was not understood and was left out`);
    return;
  }
  task.due_at = parsed.due ? new Date(parsed.due.at).toISOString() : null;
  task.recurrence = parsed.recurrence;
}
