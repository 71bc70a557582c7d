/** Converts tool inputs (loose dates, filters) to domain inputs, and tasks to small summaries. */
import type { Task } from "../../contracts/task.ts";
import type { DeletedTask, TaskSummary } from "../../contracts/tool-results.ts";
import type { TaskFilterInput } from "../../contracts/tools.ts";
import { DomainError } from "../../domain/errors.ts";
import type { TaskConditions } from "../../domain/tasks/filters.ts";
import { wallToInstant } from "../../domain/time.ts";

/**
 * A LooseDate in the user's zone → ISO instant. A date without a time means the
 * end of that day: "due Friday" is not overdue until Friday is over.
 */
export function resolveDate(value: string, timeZone: string): string {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const t = new Date(value);
    const year = t.getUTCFullYear();
    if (Number.isNaN(t.getTime()) || year < 1900 || year > 9999) throw new DomainError("invalid", "invalid_date", `not a date: ${value}`);
    return t.toISOString();
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
  if (!m) throw new DomainError("invalid", "invalid_date", `not a date: ${value}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const time = m[4] === undefined ? { hour: 23, minute: 59, second: 59 } : { hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? 0) };
  const at = wallToInstant({ year: y, month: mo, day: d, ...time }, timeZone);
  // Reject dates that do not exist (2026-02-31 would silently become March 3).
  const real = new Date(Date.UTC(y, mo - 1, d));
  if (Number.isNaN(at.getTime()) || y < 1900 || y > 9999 || real.getUTCMonth() !== mo - 1 || real.getUTCDate() !== d || time.hour > 23 || time.minute > 59) {
    throw new DomainError("invalid", "invalid_date", `not a date: ${value}`);
  }
  return at.toISOString();
}

export function toConditions(f: TaskFilterInput | undefined, timeZone: string): TaskConditions {
  if (!f) return {};
  return {
    status: f.status,
    priority: f.priority ? [f.priority] : undefined,
    tag: f.tag ? [f.tag] : undefined,
    due_before: f.due_before ? resolveDate(f.due_before, timeZone) : undefined,
    due_after: f.due_after ? resolveDate(f.due_after, timeZone) : undefined,
    created_after: f.created_after ? resolveDate(f.created_after, timeZone) : undefined,
    completed_after: f.completed_after ? resolveDate(f.completed_after, timeZone) : undefined,
    overdue: f.overdue,
    q: f.query?.trim() || undefined,
  };
}

export function summarize(t: Task): TaskSummary {
  return {
    id: t.id,
    title: t.title,
    status: t.completed ? "completed" : "pending",
    priority: t.priority,
    tags: t.tags,
    due_at: t.due_at,
    // Only on recurring tasks, so other results stay as they were.
    ...(t.recurrence ? { recurrence: t.recurrence, completed_occurrences: t.completed_occurrences } : {}),
  };
}

export const deletedSummary = (t: Task): DeletedTask => ({ ...summarize(t), description: t.description });

/** Validates with a task contract; a mismatch becomes an `invalid` domain error the model can read. */
export function checked<T extends import("zod").ZodType>(schema: T, value: unknown): import("zod").output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new DomainError("invalid", "invalid_input", `${issue?.path.join(".") || "input"}: ${issue?.message ?? "invalid"}`);
}

/** A tool's reminders for the task contract: loose dates read in the user's zone. */
export const resolveReminders = (list: ({ at: string } | { before_minutes: number })[], timeZone: string) =>
  list.map((r) => ("at" in r ? { at: resolveDate(r.at, timeZone) } : r));
