/**
 * The task contract as Postgres builds it, for pages of tasks: rows reach the
 * client as the database wrote them, never becoming objects in between
 * (parsing ~25 columns a row, mapping them and JSON.stringify were the largest
 * share of a list's CPU; decision 029). `toTask` stays the definition for
 * single rows (RETURNING); a test holds the two equal on every kind of task.
 */
import { sql, type SQLWrapper } from "drizzle-orm";
import { PRIORITIES } from "../../contracts/task.ts";
import { tasks } from "../../db/schema/tasks.ts";

/** `Date.prototype.toISOString`'s form (the contract's instants are years 1900–9999). */
export const isoSql = (instant: SQLWrapper) =>
  sql`to_char(${instant} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const priorityNames = sql.raw(`array[${PRIORITIES.map((p) => `'${p}'`).join(", ")}]`);

const recurrence = sql`case when ${tasks.recurrenceRule} is null then null else json_build_object(
  'rule', ${tasks.recurrenceRule}, 'text', coalesce(${tasks.recurrenceText}, ${tasks.recurrenceRule}),
  'from', case when ${tasks.recurrenceFrom} = 'completion' then 'completion' else 'due' end) end`;

// Correlated by name: Drizzle writes a single table's columns unqualified, which inside these
// subqueries would bind to the inner table. Postgres runs them only for the rows the LIMIT keeps.
const subtaskCounts = sql`(select json_build_object('total', count(*), 'completed', count(*) filter (where child.completed))
  from tasks child where child.user_id = "tasks"."user_id" and child.parent_id = "tasks"."id")`;

/** `toReminder`'s shape, in `remindersOf`'s order. */
const reminders = sql`(select coalesce(json_agg(case when r.at is not null
    then json_build_object('id', r.id, 'at', ${isoSql(sql`r.at`)}, 'fire_at', ${isoSql(sql`r.fire_at`)}, 'state', r.state)
    else json_build_object('id', r.id, 'before_minutes', r.before_minutes, 'fire_at', ${isoSql(sql`r.fire_at`)}, 'state', r.state) end
    order by r.fire_at asc nulls last, r.created_at, r.id), '[]'::json)
  from reminders r where r.user_id = "tasks"."user_id" and r.task_id = "tasks"."id")`;

/** One task of a page as JSON text: `toTask` with `subtask_counts` and `reminders`. */
export const taskJson = sql<string>`json_build_object(
  'id', ${tasks.id}, 'title', ${tasks.title}, 'description', ${tasks.description}, 'completed', ${tasks.completed},
  'completed_at', ${isoSql(tasks.completedAt)}, 'priority', coalesce((${priorityNames})[${tasks.priority} + 1], 'none'),
  'tags', ${tasks.tags}, 'due_at', ${isoSql(tasks.dueAt)}, 'created_at', ${isoSql(tasks.createdAt)}, 'updated_at', ${isoSql(tasks.updatedAt)},
  'list_id', ${tasks.listId}, 'section_id', ${tasks.sectionId}, 'parent_id', ${tasks.parentId}, 'position', ${tasks.position},
  'recurrence', ${recurrence}, 'completed_occurrences', ${tasks.completedOccurrences}, 'last_completed_at', ${isoSql(tasks.lastCompletedAt)},
  'subtask_counts', ${subtaskCounts}, 'reminders', ${reminders})::text`;
