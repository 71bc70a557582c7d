/** Converts between task rows and the public task contract. */
import type { Priority, Task } from "../../contracts/task.ts";
import { PRIORITIES } from "../../contracts/task.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { toRecurrence } from "./recurrence.ts";

export type TaskRow = Omit<typeof tasks.$inferSelect, "searchText" | "searchTitle">;

export const priorityRank = (p: Priority): number => PRIORITIES.indexOf(p);
export const priorityName = (rank: number): Priority => PRIORITIES[rank] ?? "none";

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    completed: row.completed,
    completed_at: iso(row.completedAt),
    priority: priorityName(row.priority),
    tags: row.tags,
    due_at: iso(row.dueAt),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    list_id: row.listId,
    section_id: row.sectionId,
    parent_id: row.parentId,
    position: row.position,
    recurrence: toRecurrence(row.recurrenceRule, row.recurrenceText, row.recurrenceFrom),
    completed_occurrences: row.completedOccurrences,
    last_completed_at: iso(row.lastCompletedAt),
  };
}
