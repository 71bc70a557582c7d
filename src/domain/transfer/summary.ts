/** What a draft will create, told before anything is written (the import preview) and after (the result). */
import { IMPORT_SKIPPED_SHOWN, type ImportFormat, type ImportSummary } from "../../contracts/transfer.ts";
import type { Draft } from "./draft.ts";

export function summarize(format: ImportFormat, draft: Draft, existingNames: ReadonlySet<string>): ImportSummary {
  const perList = new Map(draft.lists.map((l) => [l.key, 0]));
  for (const t of draft.tasks) perList.set(t.list_key, (perList.get(t.list_key) ?? 0) + 1);
  return {
    format,
    lists: draft.lists
      .filter((l) => (perList.get(l.key) ?? 0) > 0 || l.sections.length > 0)
      .map((l) => ({ name: l.inbox ? "Inbox" : l.name, existing: l.inbox || existingNames.has(l.name.toLowerCase()), sections: l.sections.length, tasks: perList.get(l.key) ?? 0 })),
    tasks: draft.tasks.length,
    subtasks: draft.tasks.filter((t) => t.parent_key).length,
    completed: draft.tasks.filter((t) => t.completed).length,
    with_due_date: draft.tasks.filter((t) => t.due_at).length,
    with_recurrence: draft.tasks.filter((t) => t.recurrence).length,
    with_reminders: draft.tasks.filter((t) => t.reminders.length).length,
    sample: draft.tasks.slice(0, 5).map((t) => t.title),
    issues: draft.issues.slice(0, IMPORT_SKIPPED_SHOWN),
    issue_count: draft.issues.length,
  };
}
