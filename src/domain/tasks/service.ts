/**
 * Task operations. Every function takes the verified user's id and scopes every
 * statement by it: a task of another user is simply "not found".
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type * as z from "zod";
import type { Task, TaskCreate, TaskFilter, TaskPage, TaskPatch } from "../../contracts/task.ts";
import type { Db } from "../../db/client.ts";
import { tasks } from "../../db/schema/tasks.ts";
import type { RecurrenceInput } from "../../contracts/task.ts";
import { userTimeZone } from "../settings.ts";
import { invalid, notFound } from "../errors.ts";
import { lockOrganizer, type Tx } from "../lists/lock.ts";
import type { RowLimits } from "../quotas.ts";
import { getList } from "../lists/service.ts";
import { getSection } from "../lists/sections.ts";
import { afterCursor, cursorColumns, decodeCursor, DEFAULT_ORDER, encodeCursor, orderBy, rankExpr, type SortContext } from "./cursor.ts";
import { checkFilterScope, taskConditions } from "./filters.ts";
import { priorityRank, toTask, type TaskRow } from "./mapping.ts";
import type { Group } from "./positions.ts";
import { insertClaimed, NoInboxYet, type ClaimedValues } from "./claim.ts";
import { searchTerms } from "./search.ts";
import { taskJson } from "./task-json.ts";
import { nextDueExpr, revalidationKey, versionExpr } from "./version.ts";
import { checkNesting, descendantsOf } from "./tree.ts";
import { remindersOf, syncReminders, withReminders, writeReminders } from "../reminders/service.ts";
import { clearCompletions, completeOccurrence, isRecurring, skipOccurrence, undoCompletion } from "./occurrences.ts";
import { checkRule, describeRule, firstOccurrence } from "./recurrence.ts";

export type NewTask = z.output<typeof TaskCreate>;
export type TaskChanges = z.output<typeof TaskPatch>;

const byId = (userId: string, id: number) => and(eq(tasks.userId, userId), eq(tasks.id, id));

/** The zone a write's dates are computed in: the request's, else the user's stored one. */
export interface WriteOptions {
  timeZone?: string | undefined;
  now?: Date | undefined;
}
const zoneOf = async (db: Tx | Db, userId: string, opts: WriteOptions) => opts.timeZone ?? (await userTimeZone(db, userId));

interface RecurrenceColumns {
  recurrenceRule: string | null;
  recurrenceText: string | null;
  recurrenceFrom: string | null;
}

/**
 * The stored form of a recurrence write. Text must have been read by the
 * grammar already (the REST routes and tools do it, in the request's zone), so
 * only `{ rule }` arrives here; it is checked and given words when it has none.
 */
function recurrenceColumns(r: RecurrenceInput | null): RecurrenceColumns {
  if (!r) return { recurrenceRule: null, recurrenceText: null, recurrenceFrom: null };
  if (!("rule" in r)) throw invalid("invalid_recurrence", `could not understand the recurrence "${r.text}"`);
  const rule = checkRule(r.rule);
  return { recurrenceRule: rule, recurrenceText: r.text ?? describeRule(rule), recurrenceFrom: r.from ?? "due" };
}

/** A recurring task needs a due date: without one, its first occurrence after now. */
function firstDue(rule: string, timeZone: string, now: Date): Date {
  const first = firstOccurrence(rule, timeZone, now);
  if (!first) throw invalid("invalid_recurrence", "the recurrence has no occurrence after now");
  return first;
}

/** Where a new task goes: its parent's list and section, else the given list (default the Inbox). */
async function placeNew(tx: Tx, userId: string, inbox: number, input: NewTask): Promise<Group> {
  if (input.parent_id != null) {
    const [parent] = await tx.select().from(tasks).where(byId(userId, input.parent_id));
    if (!parent) throw notFound("parent task");
    if (input.list_id !== undefined && input.list_id !== parent.listId) throw invalid("parent_in_other_list", "a subtask must be in its parent's list");
    if (input.section_id != null && input.section_id !== parent.sectionId) throw invalid("parent_in_other_section", "a subtask sits in its parent's section");
    await checkNesting(tx, userId, parent.id, []);
    return { listId: parent.listId, sectionId: parent.sectionId, parentId: parent.id };
  }
  if (input.section_id != null) {
    const section = await getSection(tx, userId, input.section_id);
    if (input.list_id !== undefined && section.list_id !== input.list_id) throw invalid("section_in_other_list", "the section belongs to another list");
    return { listId: section.list_id, sectionId: section.id, parentId: null };
  }
  if (input.list_id !== undefined) await getList(tx, userId, input.list_id);
  return { listId: input.list_id ?? inbox, sectionId: null, parentId: null };
}

/**
 * Creates a task. A top-level task without reminders (nearly every create) is one
 * statement outside any transaction (claim.ts); a subtask, a task in a section or
 * with reminders checks its placement and writes its reminders in a transaction
 * around the same statement, as does a user's first create (it makes the Inbox).
 */
export async function createTask(db: Db, userId: string, input: NewTask, limits: Pick<RowLimits, "tasks">, opts: WriteOptions = {}): Promise<Task> {
  const rec = recurrenceColumns(input.recurrence ?? null);
  const now = new Date();
  const dueAt = input.due_at ? new Date(input.due_at) : rec.recurrenceRule ? firstDue(rec.recurrenceRule, await zoneOf(db, userId, opts), opts.now ?? now) : null;
  const values: ClaimedValues = {
    title: input.title,
    description: input.description ?? null,
    priority: priorityRank(input.priority ?? "none"),
    tags: input.tags ?? [],
    dueAt,
    ...rec,
    completed: input.completed ?? false,
    completedAt: input.completed ? now : null,
    createdAt: now,
    updatedAt: now,
  };
  const created = (row: TaskRow, reminders: Task["reminders"] = []): Task => ({ ...toTask(row), reminders, subtask_counts: { total: 0, completed: 0 } });
  if (input.parent_id == null && input.section_id == null && !input.reminders?.length) {
    try {
      // A new task has no reminders yet (numbers are never reused), so nothing else to read.
      return created(await insertClaimed(db, userId, { listId: input.list_id ?? null, sectionId: null, parentId: null }, values, limits.tasks));
    } catch (err) {
      if (!(err instanceof NoInboxYet)) throw err;
    }
  }
  return db.transaction(async (tx) => {
    // The organiser lock first (the claim takes it again, a no-op), the order every writer takes them in.
    const inbox = await lockOrganizer(tx, userId);
    const group = await placeNew(tx, userId, inbox, input);
    const row = await insertClaimed(tx, userId, group, values, limits.tasks);
    if (!input.reminders?.length) return created(row);
    await writeReminders(tx, userId, row.id, input.reminders, row.dueAt);
    const [task] = await withReminders(tx, userId, [toTask(row)]);
    return { ...task!, subtask_counts: { total: 0, completed: 0 } };
  });
}

export async function getTask(db: Tx | Db, userId: string, id: number): Promise<Task> {
  const [row] = await db.select({ json: taskJson }).from(tasks).where(byId(userId, id));
  if (!row) throw notFound("task");
  return JSON.parse(row.json) as Task;
}

/** Completes the open subtasks (any depth) of `ids`; returns their ids, so an Undo can reopen exactly those. */
export async function completeSubtasks(tx: Tx | Db, userId: string, ids: number[]): Promise<number[]> {
  const below = await descendantsOf(tx, userId, ids);
  if (below.length === 0) return [];
  const rows = await tx
    .update(tasks)
    .set({ completed: true, completedAt: sql`now()`, updatedAt: new Date() })
    .where(and(eq(tasks.userId, userId), inArray(tasks.id, below), eq(tasks.completed, false)))
    .returning({ id: tasks.id });
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/**
 * Applies only the fields present; `null` clears. Returns the task, the changed fields and their old values.
 * Every due-date change goes through here (or calls `syncReminders` itself), so relative reminders follow it.
 */
export async function updateTask(
  db: Db,
  userId: string,
  id: number,
  changes: TaskChanges,
  opts: WriteOptions = {},
): Promise<{ task: Task; changed: string[]; previous: Partial<Task>; completed_subtask_ids: number[] }> {
  const set: Partial<Record<keyof TaskRow, unknown>> = {};
  const changed: string[] = [];
  if (changes.title !== undefined) set.title = changes.title;
  if (changes.description !== undefined) set.description = changes.description;
  if (changes.priority !== undefined) set.priority = priorityRank(changes.priority ?? "none");
  if (changes.tags !== undefined) set.tags = changes.tags ?? [];
  if (changes.due_at !== undefined) set.dueAt = changes.due_at ? new Date(changes.due_at) : null;
  const rec = changes.recurrence !== undefined ? recurrenceColumns(changes.recurrence) : undefined;
  if (rec) Object.assign(set, rec);
  return db.transaction(async (tx) => {
    // Lock the row so the reported changes are exactly what this update did.
    const [before] = await tx.select().from(tasks).where(byId(userId, id)).for("update");
    if (!before) throw notFound("task");
    const now = opts.now ?? new Date();
    const rule = rec ? rec.recurrenceRule : before.recurrenceRule;
    const due = changes.due_at !== undefined ? set.dueAt : before.dueAt;
    if (rule && !due) {
      if (changes.due_at === null) throw invalid("recurrence_needs_due", "a recurring task needs a due date: remove the recurrence first");
      set.dueAt = firstDue(rule, await zoneOf(tx, userId, opts), now);
    }
    // A recurring task's completion is an occurrence's (below); anyone else's is a plain flag.
    if (changes.completed !== undefined && !rule) {
      set.completed = changes.completed;
      // Keep the original completion time when it was already done.
      set.completedAt = changes.completed ? sql`coalesce(${tasks.completedAt}, now())` : null;
    }
    let [row]: (TaskRow | undefined)[] = await tx
      .update(tasks)
      .set({ ...set, updatedAt: new Date() } as never)
      .where(byId(userId, id))
      .returning();
    if (rec && !rec.recurrenceRule && before.recurrenceRule) await clearCompletions(tx, userId, id);
    if (rule && changes.completed === true && !row!.completed) row = await completeOccurrence(tx, userId, row!, await zoneOf(tx, userId, opts), now);
    if (rule && changes.completed === false) row = await undoCompletion(tx, userId, row!);
    const oldReminders = changes.reminders !== undefined ? JSON.stringify((await remindersOf(tx, userId, [id])).get(id) ?? []) : "";
    if (changes.reminders !== undefined) await writeReminders(tx, userId, id, changes.reminders ?? [], row!.dueAt);
    else if (row!.dueAt?.getTime() !== before.dueAt?.getTime()) await syncReminders(tx, userId, [id]);
    const old = toTask(before);
    const completed_subtask_ids = row!.completed && !old.completed ? await completeSubtasks(tx, userId, [id]) : [];
    // Read as GET and the list read it (subtask counts after the cascade included).
    const task = await getTask(tx, userId, id);
    const previous: Partial<Task> = {};
    // Reminders are reported as changed, not restored by an undo (their ids and states are the server's).
    if (changes.reminders !== undefined && JSON.stringify(task.reminders) !== oldReminders) changed.push("reminders");
    for (const k of Object.keys(changes) as (keyof Task)[]) {
      if (k === "reminders") continue;
      if (JSON.stringify(old[k]) !== JSON.stringify(task[k])) {
        changed.push(k);
        Object.assign(previous, { [k]: old[k] });
      }
    }
    return { task, changed, previous, completed_subtask_ids };
  });
}

/** PUT: every field is set; absent optional fields return to their defaults. */
export async function replaceTask(db: Db, userId: string, id: number, input: NewTask, opts: WriteOptions = {}): Promise<Task> {
  const { task } = await updateTask(
    db,
    userId,
    id,
    {
      title: input.title,
      description: input.description ?? null,
      priority: input.priority ?? "none",
      tags: input.tags ?? [],
      recurrence: input.recurrence ?? null,
      due_at: input.due_at ?? null,
      completed: input.completed ?? false,
      reminders: input.reminders ?? [],
    },
    opts,
  );
  return task;
}

/**
 * Sets completion, or toggles it when `completed` is undefined — atomically.
 * Completing a task completes its open subtasks too (their ids are returned);
 * reopening reopens only the task. A recurring task moves on to its next
 * occurrence instead (completed for good once its rule has ended), and
 * `completed: false` undoes its latest completion.
 */
export async function setCompleted(
  db: Db,
  userId: string,
  id: number,
  completed?: boolean,
  opts: WriteOptions = {},
): Promise<Task & { completed_subtask_ids: number[] }> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(tasks).where(byId(userId, id)).for("update");
    if (!before) throw notFound("task");
    const target = completed ?? !before.completed;
    let row: TaskRow;
    if (isRecurring(before)) {
      if (target && !before.completed) row = await completeOccurrence(tx, userId, before, await zoneOf(tx, userId, opts), opts.now);
      else if (!target) row = await undoCompletion(tx, userId, before);
      else row = before;
    } else row = await setFlag(tx, userId, id, target);
    const cascaded = row.completed && !before.completed ? await completeSubtasks(tx, userId, [id]) : [];
    // A recurring task that moved on takes its relative reminders to the next date.
    if (row.dueAt?.getTime() !== before.dueAt?.getTime()) await syncReminders(tx, userId, [id]);
    return { ...(await getTask(tx, userId, id)), completed_subtask_ids: cascaded };
  });
}

async function setFlag(tx: Tx, userId: string, id: number, completed: boolean): Promise<TaskRow> {
  const [row] = await tx
    .update(tasks)
    .set({ completed, completedAt: completed ? sql`coalesce(${tasks.completedAt}, now())` : null, updatedAt: new Date() })
    .where(byId(userId, id))
    .returning();
  return row!;
}

/** Skips the current occurrence of a recurring task: due at the next one, nothing completed or counted. */
export async function skipTask(db: Db, userId: string, id: number, opts: WriteOptions = {}): Promise<{ task: Task; previous: Pick<Task, "due_at"> }> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(tasks).where(byId(userId, id)).for("update");
    if (!before) throw notFound("task");
    const row = await skipOccurrence(tx, userId, before, await zoneOf(tx, userId, opts), opts.now);
    return { task: toTask(row), previous: { due_at: toTask(before).due_at } };
  });
}

export async function deleteTask(db: Db, userId: string, id: number): Promise<Task> {
  const [row] = await db.delete(tasks).where(byId(userId, id)).returning();
  if (!row) throw notFound("task");
  return toTask(row);
}

/** The sort when none is asked for: relevance for a search, the manual order inside one list, else newest first. */
export const defaultSort = (f: { q?: string | undefined; list_id?: number | undefined; sort?: TaskFilter["sort"] | undefined }): TaskFilter["sort"] =>
  f.sort ?? (f.q ? "relevance" : f.list_id !== undefined ? "position" : "created_at");

/**
 * A page of tasks, with what it was read at: the user's data version and, for
 * `overdue` (which the clock changes), the next due time (for an ETag; version.ts).
 */
export type VersionedPage = TaskPage & { version: number; nextDue: string | null };

type ListQuery = Omit<TaskFilter, "sort"> & { sort?: TaskFilter["sort"] | undefined };

/** A page as JSON text, what the REST list sends as it is. */
export type PageJson = { body: string; version: number; nextDue: string | null };

/**
 * One statement per page: the rows as JSON (task-json.ts), the last one's sort
 * key, and the user's data version, read in one snapshot. The scope of
 * list_id/section_id/parent_id is checked only when the page is empty: a row
 * found through them proves they are the user's (the foreign keys carry
 * user_id), so a full page costs no extra query.
 */
async function readPage(db: Db, userId: string, query: ListQuery, now: Date) {
  const f = { ...query, sort: defaultSort(query) };
  if (f.sort === "relevance" && !f.q) throw invalid("validation_failed", "sort=relevance needs q");
  const order = f.order ?? DEFAULT_ORDER[f.sort];
  // Decoded first: a bad cursor is a 422 whatever else the query holds.
  const cursor = f.cursor ? decodeCursor(f.cursor, f.sort, order) : undefined;
  const { words, wordLists } = await searchTerms(db, userId, f.q);
  const ctx: SortContext = { words };
  const where = [taskConditions(userId, { ...f, words, wordLists }, now)];
  if (cursor) where.push(afterCursor(cursor, ctx));
  const rows = await db
    .select({
      ...cursorColumns,
      json: taskJson,
      rank: sql<number>`${f.sort === "relevance" ? rankExpr(ctx) : sql`0`}`.as("rank"),
      version: versionExpr(userId),
      nextDue: f.overdue ? nextDueExpr(userId, now) : sql<null>`null`,
    })
    .from(tasks)
    .where(and(...where))
    .orderBy(orderBy(f.sort, order, ctx, "rank"))
    .limit(f.limit + 1);
  if (rows.length === 0) {
    await checkFilterScope(db, userId, f);
    return { json: [], next_cursor: null, ...(await revalidationKey(db, userId, now, Boolean(f.overdue))) };
  }
  const page = rows.slice(0, f.limit);
  const last = page.at(-1)!;
  return {
    json: page.map((r) => r.json),
    next_cursor: rows.length > f.limit ? encodeCursor(last, f.sort, order, Number(last.rank)) : null,
    version: Number(rows[0]!.version ?? 0),
    nextDue: rows[0]!.nextDue == null ? null : new Date(rows[0]!.nextDue).toISOString(),
  };
}

/** A page of tasks as objects (the assistant's tools). */
export async function listTasks(db: Db, userId: string, query: ListQuery, now = new Date()): Promise<VersionedPage> {
  const { json, ...rest } = await readPage(db, userId, query, now);
  return { tasks: json.map((j) => JSON.parse(j) as Task), ...rest };
}

/** The same page as `TaskPage` JSON text, assembled from the rows' JSON without parsing it. */
export async function listTasksJson(db: Db, userId: string, query: ListQuery, now = new Date()): Promise<PageJson> {
  const { json, next_cursor, version, nextDue } = await readPage(db, userId, query, now);
  return { body: `{"tasks":[${json.join(",")}],"next_cursor":${JSON.stringify(next_cursor)}}`, version, nextDue };
}
