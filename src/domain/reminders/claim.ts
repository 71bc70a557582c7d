/**
 * Claiming due reminders, exactly once across replicas: one transaction locks
 * due pending rows with FOR UPDATE SKIP LOCKED (another replica's poll skips
 * them instead of waiting), marks each with its outcome and commits; only then
 * does the caller deliver. A crash after the commit loses at most a delivery,
 * never doubles one (decision 018).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";

export type Outcome = "sent" | "late" | "missed" | "skipped";

export interface ClaimedReminder {
  id: string;
  userId: string;
  taskId: number;
  title: string;
  dueAt: string | null;
  fireAt: string;
  outcome: Outcome;
}

export interface ClaimOptions {
  now: Date;
  /** Later than this and it is recorded as missed instead of delivered. */
  graceMs: number;
  /** Later than this (but within the grace) and it is delivered marked late. */
  lateAfterMs: number;
  batch: number;
}

interface DueRow extends Record<string, unknown> {
  id: string;
  user_id: string;
  task_id: number;
  fire_at: Date | string;
  title: string;
  due_at: Date | string | null;
  completed: boolean;
}

const isoOf = (v: Date | string) => new Date(v).toISOString();

export function outcomeOf(
  lateness: number,
  completed: boolean,
  o: Pick<ClaimOptions, "graceMs" | "lateAfterMs">,
): Outcome {
  if (completed) return "skipped";
  if (lateness > o.graceMs) return "missed";
  return lateness > o.lateAfterMs ? "late" : "sent";
}

export async function claimDue(db: Db, o: ClaimOptions): Promise<ClaimedReminder[]> {
  return db.transaction(async (tx) => {
    const { rows } = (await tx.execute<DueRow>(sql`
      select r.id, r.user_id, r.task_id, r.fire_at, t.title, t.due_at, t.completed
      from reminders r join tasks t on t.user_id = r.user_id and t.id = r.task_id
      where r.state = 'pending' and r.fire_at is not null and r.fire_at <= ${o.now.toISOString()}::timestamptz
      order by r.fire_at
      limit ${o.batch}
      for update of r skip locked`)) as { rows: DueRow[] };
    if (rows.length === 0) return [];
    const claimed = rows.map((r): ClaimedReminder => ({
      id: r.id,
      userId: r.user_id,
      taskId: Number(r.task_id),
      title: r.title,
      dueAt: r.due_at === null ? null : isoOf(r.due_at),
      fireAt: isoOf(r.fire_at),
      outcome: outcomeOf(o.now.getTime() - new Date(r.fire_at).getTime(), r.completed, o),
    }));
    const ids = sql.join(
      claimed.map((c) => sql`${c.id}::uuid`),
      sql`, `,
    );
    const states = sql.join(
      claimed.map((c) => sql`${c.outcome}::text`),
      sql`, `,
    );
    await tx.execute(sql`
      update reminders r set state = v.state, fired_at = ${o.now.toISOString()}::timestamptz
      from unnest(array[${ids}], array[${states}]) as v(id, state)
      where r.id = v.id`);
    return claimed;
  });
}

/** The earliest pending fire time, so a poller can sleep until then. */
export async function nextFireAt(db: Db): Promise<Date | null> {
  const { rows } = (await db.execute<{ at: Date | string | null }>(
    sql`select min(fire_at) as at from reminders where state = 'pending' and fire_at is not null`,
  )) as { rows: { at: Date | string | null }[] };
  const at = rows[0]?.at;
  return at ? new Date(at) : null;
}
