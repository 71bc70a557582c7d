/** A complete task for web unit tests: what the API would answer, with the fields a test cares about given. */
import type { Task } from "#contracts/task.ts";

export const makeTask = (over: Partial<Task> & Pick<Task, "id">): Task => ({
  title: `t${over.id}`,
  description: null,
  completed: false,
  completed_at: null,
  recurrence: null,
  completed_occurrences: 0,
  last_completed_at: null,
  priority: "none",
  tags: [],
  due_at: null,
  created_at: "2026-12-01T00:00:00.000Z",
  updated_at: "2026-12-01T00:00:00.000Z",
  list_id: 1,
  section_id: null,
  parent_id: null,
  position: 1024,
  ...over,
});
