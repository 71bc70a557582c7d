/**
 * Quick-add shorthand: "Buy milk #errands !high" → title "Buy milk", tags
 * ["errands"], priority "high". A tag must start with a letter, so "Fix #123"
 * keeps its number in the title.
 */
import type { Priority, TaskCreate } from "#contracts/task.ts";

const TAG = /(^|\s)#(\p{L}[\p{L}\p{N}_-]*)/gu;
const PRIORITY = /(^|\s)!(high|medium|med|low)\b/gi;

export function parseQuickAdd(text: string): TaskCreate {
  const tags: string[] = [];
  let priority: Priority | undefined;
  let title = text.replace(TAG, (_m, lead: string, tag: string) => {
    tags.push(tag.toLowerCase());
    return lead;
  });
  title = title.replace(PRIORITY, (_m, lead: string, p: string) => {
    const v = p.toLowerCase();
    priority = v === "med" ? "medium" : (v as Priority);
    return lead;
  });
  title = title.replace(/\s+/g, " ").trim();
  // Nothing left but shorthand: keep the text as typed rather than lose it.
  if (!title) return { title: text.trim() };
  const out: TaskCreate = { title };
  if (tags.length) out.tags = [...new Set(tags)];
  if (priority) out.priority = priority;
  return out;
}
