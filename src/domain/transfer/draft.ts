/**
 * What every import format is read into before anything is written: lists with
 * sections, and tasks that point at them (and at their parents) by key. The
 * readers are pure; `applyImport` writes a draft in one transaction.
 */
import { LIST_COLORS, ListColor, ListName, SUBTASK_DEPTH_MAX } from "../../contracts/list.ts";
import { Description, DueAt, Tag, TITLE_MAX, type Priority } from "../../contracts/task.ts";
import type { ImportIssue } from "../../contracts/transfer.ts";
import type { Recurrence, Reminder } from "../../grammar/index.ts";

export interface DraftList {
  key: string;
  name: string;
  color: (typeof LIST_COLORS)[number];
  /** The file's own inbox: its tasks go to the user's Inbox. */
  inbox: boolean;
  sections: { key: string; name: string }[];
}

export interface DraftTask {
  key: string;
  title: string;
  description: string | null;
  priority: Priority;
  tags: string[];
  due_at: string | null;
  completed: boolean;
  completed_at: string | null;
  list_key: string;
  section_key: string | null;
  parent_key: string | null;
  recurrence: Recurrence | null;
  reminders: Reminder[];
}

export interface Draft {
  lists: DraftList[];
  tasks: DraftTask[];
  issues: ImportIssue[];
}

/** Collects problems as a reader goes, with where in the file each one is. */
export class Issues {
  readonly list: ImportIssue[] = [];
  add(where: string, message: string) {
    this.list.push({ where, message });
  }
}

export function cleanTitle(raw: string, where: string, issues: Issues): { title: string; overflow: string | null } | null {
  const title = raw.replace(/\0/g, "").replace(/\s+/g, " ").trim();
  if (!title) {
    issues.add(where, "a task without a title was skipped");
    return null;
  }
  if (title.length <= TITLE_MAX) return { title, overflow: null };
  issues.add(where, `the title was longer than ${TITLE_MAX} characters; the rest is in the description`);
  return { title: title.slice(0, TITLE_MAX), overflow: title };
}

export function cleanDescription(parts: (string | null | undefined)[], where: string, issues: Issues): string | null {
  const text = parts.filter((p): p is string => Boolean(p?.trim())).join("\n\n").replace(/\0/g, "");
  if (!text) return null;
  const ok = Description.safeParse(text);
  if (ok.success) return ok.data;
  issues.add(where, "the description was too long and was shortened");
  return text.slice(0, 1990) + " …";
}

export function cleanTags(raw: string[], where: string, issues: Issues): string[] {
  const tags: string[] = [];
  for (const t of raw) {
    const parsed = Tag.safeParse(t.replace(/\s+/g, "-"));
    if (parsed.success) {
      if (!tags.includes(parsed.data)) tags.push(parsed.data);
    } else if (t.trim()) issues.add(where, `the label “${t.trim().slice(0, 40)}” cannot be a tag and was left out`);
  }
  if (tags.length > 20) issues.add(where, "only the first 20 labels were kept");
  return tags.slice(0, 20);
}

/** An instant from the file, or null with an issue when it is not one. */
export function cleanInstant(raw: string | null | undefined, where: string, issues: Issues, what = "due date"): string | null {
  if (!raw?.trim()) return null;
  const d = new Date(raw.trim());
  const parsed = Number.isNaN(d.getTime()) ? null : DueAt.safeParse(d.toISOString());
  if (parsed?.success) return parsed.data;
  issues.add(where, `the ${what} “${raw.trim().slice(0, 40)}” is not a date Tickler understands and was left out`);
  return null;
}

export function cleanListName(raw: string, fallback: string): string {
  const parsed = ListName.safeParse(raw);
  return parsed.success ? parsed.data : fallback;
}

export const cleanColor = (raw: unknown) => {
  const parsed = ListColor.safeParse(typeof raw === "string" ? raw.toLowerCase() : raw);
  return parsed.success ? parsed.data : "grey";
};

/** Depth of each task under its top-level ancestor; deeper than Tickler allows hangs from the deepest allowed level. */
export function flattenDepth(tasks: DraftTask[], issues: Issues): void {
  const byKey = new Map(tasks.map((t) => [t.key, t]));
  const depth = (t: DraftTask, seen = new Set<string>()): number => {
    if (!t.parent_key) return 0;
    const parent = byKey.get(t.parent_key);
    if (!parent || seen.has(t.key)) {
      t.parent_key = null;
      return 0;
    }
    seen.add(t.key);
    return depth(parent, seen) + 1;
  };
  for (const t of tasks) {
    while (depth(t) > SUBTASK_DEPTH_MAX) {
      t.parent_key = byKey.get(t.parent_key!)!.parent_key;
      issues.add(`task “${t.title.slice(0, 60)}”`, `subtasks go ${SUBTASK_DEPTH_MAX} levels deep; it was moved up a level`);
    }
  }
}
