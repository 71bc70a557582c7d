/**
 * Tickler's own export (format 1: tasks only; 2: with lists and sections).
 * Conversations are not imported: they belong to the account they happened in.
 */
import * as z from "zod";
import { Priority } from "../../contracts/task.ts";
import { invalid } from "../errors.ts";
import { cleanColor, cleanDescription, cleanInstant, cleanListName, cleanTags, cleanTitle, flattenDepth, Issues, type Draft, type DraftList, type DraftTask } from "./draft.ts";
import { parseJson } from "./read-todoist-json.ts";

const Export = z.object({
  format_version: z.number().int().min(1).max(2),
  lists: z.array(z.object({ id: z.number(), name: z.string(), color: z.string().optional(), is_inbox: z.boolean().optional() }).loose()).default([]),
  sections: z.array(z.object({ id: z.number(), list_id: z.number(), name: z.string() }).loose()).default([]),
  tasks: z.array(z.unknown()).default([]),
  conversations: z.array(z.unknown()).optional(),
});
const Recurrence = z.object({ rule: z.string().max(500), text: z.string().max(200), from: z.enum(["due", "completion"]) });
const Reminder = z.union([z.object({ at: z.string() }), z.object({ before_minutes: z.number().int().min(0).max(525_600) })]);
const ExportedTask = z
  .object({
    id: z.number(),
    title: z.string(),
    description: z.string().nullish(),
    completed: z.boolean().default(false),
    completed_at: z.string().nullish(),
    priority: Priority.catch("none"),
    tags: z.array(z.string()).default([]),
    due_at: z.string().nullish(),
    list_id: z.number().nullish(),
    section_id: z.number().nullish(),
    parent_id: z.number().nullish(),
    position: z.number().optional(),
    recurrence: Recurrence.nullish().catch(null),
    reminders: z.array(Reminder).max(5).catch([]).optional(),
  })
  .loose();

export function readTicklerJson(text: string): Draft {
  const data = Export.safeParse(parseJson(text));
  if (!data.success) throw invalid("invalid_file", "a Tickler export is a JSON object with a format_version and tasks");
  const issues = new Issues();
  if (data.data.conversations?.length) issues.add("conversations", "assistant conversations are not imported");
  const lists: DraftList[] = data.data.lists.map((l) => ({ key: `l${l.id}`, name: cleanListName(l.name, "Imported"), color: cleanColor(l.color), inbox: l.is_inbox === true, sections: [] }));
  const byKey = new Map(lists.map((l) => [l.key, l]));
  for (const s of data.data.sections) byKey.get(`l${s.list_id}`)?.sections.push({ key: `s${s.id}`, name: s.name.trim().slice(0, 100) || "Section" });
  const inbox = () => {
    let l = lists.find((x) => x.inbox);
    if (!l) lists.push((l = { key: "inbox", name: "Inbox", color: "grey", inbox: true, sections: [] }));
    return l;
  };
  const rows = data.data.tasks
    .map((raw, i) => ({ i, t: ExportedTask.safeParse(raw) }))
    .sort((a, b) => (a.t.data?.position ?? 0) - (b.t.data?.position ?? 0) || a.i - b.i);
  const tasks: DraftTask[] = [];
  for (const { i, t } of rows) {
    const where = `task ${i + 1}`;
    if (!t.success) {
      issues.add(where, "a task without an id or title was skipped");
      continue;
    }
    const named = cleanTitle(t.data.title, where, issues);
    if (!named) continue;
    const list = (t.data.list_id != null ? byKey.get(`l${t.data.list_id}`) : undefined) ?? inbox();
    const section = t.data.section_id != null && list.sections.some((s) => s.key === `s${t.data.section_id}`) ? `s${t.data.section_id}` : null;
    tasks.push({
      key: `t${t.data.id}`,
      title: named.title,
      description: cleanDescription([named.overflow, t.data.description], where, issues),
      priority: t.data.priority,
      tags: cleanTags(t.data.tags, where, issues),
      due_at: cleanInstant(t.data.due_at, where, issues),
      completed: t.data.completed,
      completed_at: t.data.completed ? cleanInstant(t.data.completed_at, where, issues, "completion time") : null,
      list_key: list.key,
      section_key: section,
      parent_key: t.data.parent_id != null ? `t${t.data.parent_id}` : null,
      recurrence: t.data.recurrence ?? null,
      reminders: (t.data.reminders ?? []).map((r) => ("at" in r ? { at: r.at } : { before_minutes: r.before_minutes })),
    });
  }
  const keys = new Set(tasks.map((t) => t.key));
  for (const t of tasks) if (t.parent_key && !keys.has(t.parent_key)) t.parent_key = null;
  flattenDepth(tasks, issues);
  return { lists, tasks, issues: issues.list };
}
