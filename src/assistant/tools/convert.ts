/** Converts tool inputs (loose dates, filters) to domain inputs, and tasks to small summaries. */
import type { Task } from "../../contracts/task.ts";
import type { DeletedTask, TaskFilterInput, TaskSummary } from "../../contracts/tools.ts";
import { DomainError } from "../../domain/errors.ts";
import type { TaskConditions } from "../../domain/tasks/filters.ts";
import { zonedTimeToUtc } from "../../domain/time.ts";

/**
 * A LooseDate in the user's zone → ISO instant. A date without a time means the
 * end of that day: "due Friday" is not overdue until Friday is over.
 */
export function resolveDate(value: string, timeZone: string): string {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const t = Date.parse(value);
    if (Number.isNaN(t)) throw new DomainError("invalid", "invalid_date", `not a date: ${value}`);
    return new Date(t).toISOString();
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
  if (!m) throw new DomainError("invalid", "invalid_date", `not a date: ${value}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = m[4] === undefined ? zonedTimeToUtc(y, mo, d, 23, 59, 59, timeZone) : zonedTimeToUtc(y, mo, d, Number(m[4]), Number(m[5]), Number(m[6] ?? 0), timeZone);
  if (Number.isNaN(at.getTime()) || mo < 1 || mo > 12 || d < 1 || d > 31) {
    throw new DomainError("invalid", "invalid_date", `not a date: ${value}`);
  }
  return at.toISOString();
}

export function toConditions(f: TaskFilterInput | undefined, timeZone: string): TaskConditions {
  if (!f) return {};
  return {
    status: f.status,
    priority: f.priority ? [f.priority] : undefined,
    tag: f.tag ? [f.tag.toLowerCase().replace(/^#/, "")] : undefined,
    due_before: f.due_before ? resolveDate(f.due_before, timeZone) : undefined,
    due_after: f.due_after ? resolveDate(f.due_after, timeZone) : undefined,
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
