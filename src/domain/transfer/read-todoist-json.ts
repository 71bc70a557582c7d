/**
 * Todoist's JSON backup as its Sync API returns it: `projects`, `sections`,
 * and `items` (or `tasks`) pointing at them by id. Priority 4 is p1 (highest);
 * `due.string` carries recurrence in Todoist's words ("every mon").
 */
import * as z from "zod";
import type { Priority } from "../../contracts/task.ts";
import { parseQuickAdd, type GrammarContext } from "../../grammar/index.ts";
import { invalid } from "../errors.ts";
import { cleanColor, cleanDescription, cleanInstant, cleanListName, cleanTags, cleanTitle, flattenDepth, Issues, type Draft, type DraftList, type DraftTask } from "./draft.ts";

const PRIORITY: Record<number, Priority> = { 4: "high", 3: "medium", 2: "low", 1: "none" };
const Id = z.union([z.string(), z.number()]).transform(String);
const Backup = z.object({
  projects: z.array(z.object({ id: Id, name: z.string(), color: z.string().optional(), inbox_project: z.boolean().optional(), is_archived: z.boolean().optional() }).loose()).default([]),
  sections: z.array(z.object({ id: Id, project_id: Id, name: z.string() }).loose()).default([]),
  items: z.array(z.unknown()).optional(),
  tasks: z.array(z.unknown()).optional(),
});
const Item = z
  .object({
    id: Id,
    content: z.string(),
    description: z.string().nullish(),
    project_id: Id.nullish(),
    section_id: Id.nullish(),
    parent_id: Id.nullish(),
    priority: z.number().int().optional(),
    labels: z.array(z.string()).default([]),
    checked: z.union([z.boolean(), z.number()]).optional(),
    completed_at: z.string().nullish(),
    due: z.object({ date: z.string(), string: z.string().nullish(), is_recurring: z.boolean().optional(), timezone: z.string().nullish() }).loose().nullish(),
  })
  .loose();

/** Todoist's palette names, to the nearest of Tickler's. */
const COLOR: Record<string, string> = { berry_red: "red", red: "red", orange: "orange", yellow: "yellow", olive_green: "green", lime_green: "green", green: "green", mint_green: "teal", teal: "teal", sky_blue: "blue", light_blue: "blue", blue: "blue", grape: "purple", violet: "purple", lavender: "purple", magenta: "pink", salmon: "pink", charcoal: "grey", grey: "grey", taupe: "grey" };

export function readTodoistJson(text: string, ctx: GrammarContext): Draft {
  const backup = Backup.safeParse(parseJson(text));
  if (!backup.success) throw invalid("invalid_file", "a Todoist backup is a JSON object with projects and items");
  const issues = new Issues();
  const lists: DraftList[] = backup.data.projects.map((p) => ({
    key: p.id,
    name: cleanListName(p.name, "Imported"),
    color: cleanColor(COLOR[p.color ?? ""] ?? "grey"),
    inbox: p.inbox_project === true,
    sections: [],
  }));
  const byId = new Map(lists.map((l) => [l.key, l]));
  for (const s of backup.data.sections) byId.get(s.project_id)?.sections.push({ key: s.id, name: s.name.trim().slice(0, 100) || "Section" });
  const inbox = (): DraftList => {
    let l = lists.find((x) => x.inbox);
    if (!l) lists.push((l = { key: "inbox", name: "Inbox", color: "grey", inbox: true, sections: [] }));
    return l;
  };
  const tasks: DraftTask[] = [];
  (backup.data.items ?? backup.data.tasks ?? []).forEach((raw, i) => {
    const where = `item ${i + 1}`;
    const item = Item.safeParse(raw);
    if (!item.success) return issues.add(where, "an item without an id or content was skipped");
    const it = item.data;
    const named = cleanTitle(it.content, where, issues);
    if (!named) return;
    const list = (it.project_id != null ? byId.get(it.project_id) : undefined) ?? inbox();
    const section = it.section_id != null && list.sections.some((s) => s.key === it.section_id) ? it.section_id : null;
    const done = it.checked === true || it.checked === 1;
    const task: DraftTask = {
      key: it.id,
      title: named.title,
      description: cleanDescription([named.overflow, it.description], where, issues),
      priority: PRIORITY[it.priority ?? 1] ?? "none",
      tags: cleanTags(it.labels, where, issues),
      due_at: null,
      completed: done,
      completed_at: done ? cleanInstant(it.completed_at, where, issues, "completion time") : null,
      list_key: list.key,
      section_key: section,
      parent_key: it.parent_id ?? null,
      recurrence: null,
      reminders: [],
    };
    if (it.due) readDue(it.due, task, ctx, where, issues);
    tasks.push(task);
  });
  const keys = new Set(tasks.map((t) => t.key));
  for (const t of tasks) if (t.parent_key && !keys.has(t.parent_key)) t.parent_key = null;
  flattenDepth(tasks, issues);
  return { lists, tasks, issues: issues.list };
}

function readDue(due: { date: string; string?: string | null | undefined; is_recurring?: boolean | undefined }, task: DraftTask, ctx: GrammarContext, where: string, issues: Issues) {
  // A date-only due is that day's end in the user's zone, the API's convention; a floating time is local.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(due.date);
  const floating = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(due.date);
  if (dateOnly || floating) {
    const parsed = parseQuickAdd(dateOnly ? due.date : `${due.date.slice(0, 10)} at ${due.date.slice(11, 16)}`, ctx);
    task.due_at = parsed.due ? new Date(parsed.due.at).toISOString() : null;
    if (!parsed.due) issues.add(where, `the date “${due.date.slice(0, 40)}” was not understood and was left out`);
  } else task.due_at = cleanInstant(due.date, where, issues);
  if (due.is_recurring && due.string) {
    const parsed = parseQuickAdd(due.string, ctx);
    if (parsed.recurrence) task.recurrence = parsed.recurrence;
    else issues.add(where, `the repeat “${due.string.slice(0, 60)}” was not understood; the task was imported without repeating`);
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw invalid("invalid_file", "this is not a readable JSON file");
  }
}
