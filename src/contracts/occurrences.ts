/**
 * Projected occurrences of recurring tasks: read-only previews of the dates a
 * recurring task will be due on after its current `due_at`. They are not rows;
 * Upcoming and the calendar draw them beside the real tasks.
 */
import * as z from "zod";
import { DueAt, TaskId } from "./task.ts";

/** A window wider than this is a 422: projections are for views, not exports. */
export const OCCURRENCE_WINDOW_MAX_DAYS = 62;
export const OCCURRENCES_PER_TASK_MAX = 62;

export const OccurrenceQuery = z.strictObject({
  from: DueAt,
  to: DueAt,
  list_id: z.coerce.number().int().positive().optional(),
});
export type OccurrenceQuery = z.infer<typeof OccurrenceQuery>;

export const Occurrence = z.object({
  task_id: TaskId,
  title: z.string(),
  /** UTC instant of this projected occurrence; never equal to the task's own `due_at`. */
  due_at: z.string(),
  list_id: z.number().nullable(),
});
export type Occurrence = z.infer<typeof Occurrence>;

/** `GET /api/{user_id}/tasks/occurrences?from=&to=` answers this. */
export const OccurrencePage = z.object({ occurrences: z.array(Occurrence) });
export type OccurrencePage = z.infer<typeof OccurrencePage>;
