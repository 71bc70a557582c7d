/**
 * A task's reminders: written as a whole set with the task, their fire times
 * kept in step with the due date (`syncReminders`), and snoozed. Every
 * statement is scoped by the verified user.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type * as z from "zod";
import type { Reminder, ReminderList, SnoozeRequest } from "../../contracts/reminder.ts";
import type { Task } from "../../contracts/task.ts";
import type { Db } from "../../db/client.ts";
import { reminders } from "../../db/schema/reminders.ts";
import { invalid, notFound } from "../errors.ts";
import type { Tx } from "../lists/lock.ts";

type Row = typeof reminders.$inferSelect;
type Inputs = z.output<typeof ReminderList>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toReminder(row: Row): Reminder {
  return {
    id: row.id,
    ...(row.at ? { at: row.at.toISOString() } : { before_minutes: row.beforeMinutes! }),
    fire_at: iso(row.fireAt),
    state: row.state as Reminder["state"],
  };
}

const fireTime = (input: Inputs[number], dueAt: Date | null): Date | null =>
  "at" in input ? new Date(input.at) : dueAt && new Date(dueAt.getTime() - input.before_minutes * 60_000);

/**
 * Replaces a task's reminders with `inputs` (inside the task's transaction).
 * An input with the id of one of the task's reminders updates it (and keeps its
 * state unless its time changed); others are new; the rest are deleted.
 */
export async function writeReminders(
  tx: Tx,
  userId: string,
  taskId: number,
  inputs: Inputs,
  dueAt: Date | null,
): Promise<void> {
  if (dueAt === null && inputs.some((r) => "before_minutes" in r)) {
    throw invalid("reminder_needs_due_date", "a reminder before the due date needs a due date");
  }
  const existing = new Map(
    (
      await tx
        .select()
        .from(reminders)
        .where(and(eq(reminders.userId, userId), eq(reminders.taskId, taskId)))
    ).map((r) => [r.id, r]),
  );
  const kept = new Set<string>();
  for (const input of inputs) {
    const fireAt = fireTime(input, dueAt);
    const values = {
      at: "at" in input ? new Date(input.at) : null,
      beforeMinutes: "at" in input ? null : input.before_minutes,
      fireAt,
    };
    const old = input.id ? existing.get(input.id) : undefined;
    if (old && !kept.has(old.id)) {
      kept.add(old.id);
      const same =
        old.fireAt?.getTime() === fireAt?.getTime() &&
        old.at?.getTime() === values.at?.getTime() &&
        old.beforeMinutes === values.beforeMinutes;
      if (!same)
        await tx
          .update(reminders)
          .set({ ...values, state: "pending", firedAt: null })
          .where(eq(reminders.id, old.id));
    } else {
      await tx.insert(reminders).values({ id: randomUUID(), userId, taskId, ...values });
    }
  }
  const gone = [...existing.keys()].filter((id) => !kept.has(id));
  if (gone.length) await tx.delete(reminders).where(and(eq(reminders.userId, userId), inArray(reminders.id, gone)));
}

/**
 * Recomputes the fire time of the tasks' relative reminders from their current
 * due dates. Every path that changes a due date calls it (in its transaction):
 * a reminder whose time moved is pending again, so it follows a recurring task
 * to its next date.
 */
export async function syncReminders(tx: Tx | Db, userId: string, taskIds: number[]): Promise<void> {
  if (taskIds.length === 0) return;
  await tx.execute(sql`
    update reminders r
    set fire_at = t.due_at - make_interval(mins => r.before_minutes),
        state = case when (t.due_at - make_interval(mins => r.before_minutes)) is distinct from r.fire_at then 'pending' else r.state end,
        fired_at = case when (t.due_at - make_interval(mins => r.before_minutes)) is distinct from r.fire_at then null else r.fired_at end
    from tasks t
    where t.user_id = r.user_id and t.id = r.task_id
      and r.user_id = ${userId} and r.before_minutes is not null
      and r.task_id in (${sql.join(
        taskIds.map((id) => sql`${id}`),
        sql`, `,
      )})`);
}

/** The reminders of these tasks, earliest first. */
export async function remindersOf(db: Tx | Db, userId: string, taskIds: number[]): Promise<Map<number, Reminder[]>> {
  const out = new Map<number, Reminder[]>();
  if (taskIds.length === 0) return out;
  const rows = await db
    .select()
    .from(reminders)
    .where(and(eq(reminders.userId, userId), inArray(reminders.taskId, taskIds)))
    .orderBy(sql`${reminders.fireAt} asc nulls last`, reminders.createdAt, reminders.id);
  for (const row of rows) {
    const list = out.get(row.taskId) ?? [];
    list.push(toReminder(row));
    out.set(row.taskId, list);
  }
  return out;
}

/** Adds `reminders` to each task (one query for the whole page). */
export async function withReminders<T extends Task>(db: Tx | Db, userId: string, list: T[]): Promise<T[]> {
  const byTask = await remindersOf(
    db,
    userId,
    list.map((t) => t.id),
  );
  return list.map((t) => ({ ...t, reminders: byTask.get(t.id) ?? [] }));
}

/** Fires the reminder again later: pending with a new fire time. Another user's reminder is "not found". */
export async function snoozeReminder(
  db: Db,
  userId: string,
  id: string,
  req: z.output<typeof SnoozeRequest>,
  now = new Date(),
): Promise<Reminder> {
  const fireAt = "minutes" in req ? new Date(now.getTime() + req.minutes * 60_000) : new Date(req.until);
  if (fireAt.getTime() <= now.getTime()) throw invalid("validation_failed", "until must be in the future");
  const [row] = await db
    .update(reminders)
    .set({ fireAt, state: "pending", firedAt: null })
    .where(and(eq(reminders.userId, userId), eq(reminders.id, id)))
    .returning();
  if (!row) throw notFound("reminder");
  return toReminder(row);
}
