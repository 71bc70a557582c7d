/**
 * Task operations. Every function takes the verified user's id and scopes every
 * statement by it: a task of another user is simply "not found".
 */
import { and, eq, sql } from "drizzle-orm";
import type * as z from "zod";
import type { Task, TaskCreate, TaskFilter, TaskPage, TaskPatch } from "../../contracts/task.ts";
import type { Db } from "../../db/client.ts";
import { deletedAccounts, taskCounters, tasks } from "../../db/schema/tasks.ts";
import { accountDeleted, notFound } from "../errors.ts";
import { claimRows, type RowLimits } from "../quotas.ts";
import { afterCursor, decodeCursor, DEFAULT_ORDER, encodeCursor, orderBy } from "./cursor.ts";
import { taskConditions } from "./filters.ts";
import { priorityRank, toTask, type TaskRow } from "./mapping.ts";

export type NewTask = z.output<typeof TaskCreate>;
export type TaskChanges = z.output<typeof TaskPatch>;

const byId = (userId: string, id: number) => and(eq(tasks.userId, userId), eq(tasks.id, id));

export async function createTask(db: Db, userId: string, input: NewTask, limits: Pick<RowLimits, "tasks">): Promise<Task> {
  return db.transaction(async (tx) => {
    // Per-user numbering: the upsert locks the user's counter row until commit.
    // A deleted account (whose token has not expired yet) gets no number, so nothing is created.
    const { rows } = (await tx.execute<{ last_id: number }>(sql`
      insert into ${taskCounters} (user_id, last_id)
      select ${userId}, 1 where not exists (select 1 from ${deletedAccounts} where user_id = ${userId})
      on conflict (user_id) do update set last_id = ${taskCounters}.last_id + 1
      returning last_id`)) as { rows: { last_id: number }[] };
    const counter = rows[0] ? { id: Number(rows[0].last_id) } : undefined;
    if (!counter) throw accountDeleted();
    await claimRows(tx, userId, "tasks", limits.tasks);
    const now = new Date();
    const [row] = await tx
      .insert(tasks)
      .values({
        userId,
        id: counter.id,
        title: input.title,
        description: input.description ?? null,
        priority: priorityRank(input.priority ?? "none"),
        tags: input.tags ?? [],
        dueAt: input.due_at ? new Date(input.due_at) : null,
        completed: input.completed ?? false,
        completedAt: input.completed ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return toTask(row!);
  });
}

export async function getTask(db: Db, userId: string, id: number): Promise<Task> {
  const [row] = await db.select().from(tasks).where(byId(userId, id));
  if (!row) throw notFound("task");
  return toTask(row);
}

/** Applies only the fields present; `null` clears. Returns the task, the changed fields and their old values. */
export async function updateTask(
  db: Db,
  userId: string,
  id: number,
  changes: TaskChanges,
): Promise<{ task: Task; changed: string[]; previous: Partial<Task> }> {
  const set: Partial<Record<keyof TaskRow, unknown>> = {};
  const changed: string[] = [];
  if (changes.title !== undefined) set.title = changes.title;
  if (changes.description !== undefined) set.description = changes.description;
  if (changes.priority !== undefined) set.priority = priorityRank(changes.priority ?? "none");
  if (changes.tags !== undefined) set.tags = changes.tags ?? [];
  if (changes.due_at !== undefined) set.dueAt = changes.due_at ? new Date(changes.due_at) : null;
  if (changes.completed !== undefined) {
    set.completed = changes.completed;
    // Keep the original completion time when it was already done.
    set.completedAt = changes.completed ? sql`coalesce(${tasks.completedAt}, now())` : null;
  }
  return db.transaction(async (tx) => {
    // Lock the row so the reported changes are exactly what this update did.
    const [before] = await tx.select().from(tasks).where(byId(userId, id)).for("update");
    if (!before) throw notFound("task");
    const [row] = await tx
      .update(tasks)
      .set({ ...set, updatedAt: new Date() } as never)
      .where(byId(userId, id))
      .returning();
    const task = toTask(row!);
    const old = toTask(before);
    const previous: Partial<Task> = {};
    for (const k of Object.keys(changes) as (keyof Task)[]) {
      if (JSON.stringify(old[k]) !== JSON.stringify(task[k])) {
        changed.push(k);
        Object.assign(previous, { [k]: old[k] });
      }
    }
    return { task, changed, previous };
  });
}

/** PUT: every field is set; absent optional fields return to their defaults. */
export async function replaceTask(db: Db, userId: string, id: number, input: NewTask): Promise<Task> {
  const { task } = await updateTask(db, userId, id, {
    title: input.title,
    description: input.description ?? null,
    priority: input.priority ?? "none",
    tags: input.tags ?? [],
    due_at: input.due_at ?? null,
    completed: input.completed ?? false,
  });
  return task;
}

/** Sets completion, or toggles it when `completed` is undefined — atomically, in one statement. */
export async function setCompleted(db: Db, userId: string, id: number, completed?: boolean): Promise<Task> {
  const next = completed === undefined ? sql`not ${tasks.completed}` : sql`${completed}`;
  const [row] = await db
    .update(tasks)
    .set({
      completed: next,
      completedAt: sql`case when ${next} then coalesce(${tasks.completedAt}, now()) else null end`,
      updatedAt: new Date(),
    })
    .where(byId(userId, id))
    .returning();
  if (!row) throw notFound("task");
  return toTask(row);
}

export async function deleteTask(db: Db, userId: string, id: number): Promise<Task> {
  const [row] = await db.delete(tasks).where(byId(userId, id)).returning();
  if (!row) throw notFound("task");
  return toTask(row);
}

export async function listTasks(db: Db, userId: string, f: TaskFilter, now = new Date()): Promise<TaskPage> {
  const order = f.order ?? DEFAULT_ORDER[f.sort];
  const where = [taskConditions(userId, f, now)];
  if (f.cursor) where.push(afterCursor(decodeCursor(f.cursor, f.sort, order)));
  const rows = await db
    .select()
    .from(tasks)
    .where(and(...where))
    .orderBy(orderBy(f.sort, order))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    tasks: page.map(toTask),
    next_cursor: rows.length > f.limit && last ? encodeCursor(last, f.sort, order) : null,
  };
}
