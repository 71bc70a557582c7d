/**
 * Writes an import draft all-or-nothing: one transaction under the organiser
 * lock, lists and sections matched by name (case-insensitively) or created,
 * task numbers taken in one counter bump, every task appended after its
 * siblings. Lists, rows and per-list section caps hold as they do for single writes.
 */
import { and, eq, max, sql } from "drizzle-orm";
import { LISTS_MAX, SECTIONS_PER_LIST_MAX } from "../../contracts/list.ts";
import { IMPORT_TASKS_MAX } from "../../contracts/transfer.ts";
import type { Db } from "../../db/client.ts";
import { lists, sections } from "../../db/schema/lists.ts";
import { deletedAccounts, taskCounters, tasks } from "../../db/schema/tasks.ts";
import { accountDeleted, conflict, invalid } from "../errors.ts";
import { lockOrganizer, nextNumber, type Tx } from "../lists/lock.ts";
import { claimRows, type RowLimits } from "../quotas.ts";
import { priorityRank } from "../tasks/mapping.ts";
import { appendPosition, GAP } from "../tasks/positions.ts";
import { checkRule, firstOccurrence } from "../tasks/recurrence.ts";
import { writeReminders } from "../reminders/service.ts";
import { userTimeZone } from "../settings.ts";
import { DomainError } from "../errors.ts";
import type { Draft, DraftTask } from "./draft.ts";

/** The names of the user's lists, lowercased (to tell "new" from "existing" in a preview). */
export async function listNames(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db.select({ name: lists.name }).from(lists).where(eq(lists.userId, userId));
  return new Set(rows.map((r) => r.name.toLowerCase()));
}

export function checkSize(draft: Draft): void {
  if (draft.tasks.length > IMPORT_TASKS_MAX) throw invalid("import_too_large", `an import can create at most ${IMPORT_TASKS_MAX} tasks; this file has ${draft.tasks.length}`);
  if (draft.tasks.length === 0) throw invalid("import_empty", "the file holds no tasks to import");
}

export async function applyImport(db: Db, userId: string, draft: Draft, limits: Pick<RowLimits, "tasks">): Promise<void> {
  checkSize(draft);
  await db.transaction(async (tx) => {
    const inbox = await lockOrganizer(tx, userId);
    const listIds = await placeLists(tx, userId, inbox, draft);
    const sectionIds = await placeSections(tx, userId, draft, listIds);
    await claimRows(tx, userId, "tasks", limits.tasks, draft.tasks.length);
    const ids = await takeNumbers(tx, userId, draft.tasks.length);
    const zone = await userTimeZone(tx, userId);
    await insertTasks(tx, userId, parentsFirst(draft.tasks), ids, listIds, sectionIds, zone);
  });
}

async function placeLists(tx: Tx, userId: string, inbox: number, draft: Draft): Promise<Map<string, number>> {
  const mine = await tx.select({ id: lists.id, name: lists.name, position: lists.position }).from(lists).where(eq(lists.userId, userId));
  const byName = new Map(mine.map((l) => [l.name.toLowerCase(), l.id]));
  let last = Math.max(0, ...mine.map((l) => l.position));
  const used = new Set(draft.tasks.map((t) => t.list_key));
  const ids = new Map<string, number>();
  for (const l of draft.lists) {
    if (!used.has(l.key) && l.sections.length === 0) continue;
    const found = l.inbox ? inbox : byName.get(l.name.toLowerCase());
    if (found !== undefined) {
      ids.set(l.key, found);
      continue;
    }
    if (byName.size >= LISTS_MAX) throw conflict("list_limit_reached", `at most ${LISTS_MAX} lists per account`);
    const id = await nextNumber(tx, userId, "list");
    await tx.insert(lists).values({ userId, id, name: l.name, color: l.color, position: (last += GAP) });
    byName.set(l.name.toLowerCase(), id);
    ids.set(l.key, id);
  }
  return ids;
}

async function placeSections(tx: Tx, userId: string, draft: Draft, listIds: Map<string, number>): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const l of draft.lists) {
    const listId = listIds.get(l.key);
    if (listId === undefined || l.sections.length === 0) continue;
    const mine = await tx.select({ id: sections.id, name: sections.name }).from(sections).where(and(eq(sections.userId, userId), eq(sections.listId, listId)));
    const byName = new Map(mine.map((s) => [s.name.toLowerCase(), s.id]));
    const [top] = await tx.select({ p: max(sections.position) }).from(sections).where(and(eq(sections.userId, userId), eq(sections.listId, listId)));
    let last = Number(top?.p ?? 0);
    for (const s of l.sections) {
      let id = byName.get(s.name.toLowerCase());
      if (id === undefined) {
        if (byName.size >= SECTIONS_PER_LIST_MAX) throw conflict("section_limit_reached", `at most ${SECTIONS_PER_LIST_MAX} sections per list`);
        id = await nextNumber(tx, userId, "section");
        await tx.insert(sections).values({ userId, id, listId, name: s.name, position: (last += GAP) });
        byName.set(s.name.toLowerCase(), id);
      }
      ids.set(s.key, id);
    }
  }
  return ids;
}

/** `n` consecutive task numbers; none for a deleted account. */
async function takeNumbers(tx: Tx, userId: string, n: number): Promise<number> {
  const { rows } = (await tx.execute<{ last_id: number }>(sql`
    insert into ${taskCounters} (user_id, last_id)
    select ${userId}, ${n}::int where not exists (select 1 from ${deletedAccounts} where user_id = ${userId})
    on conflict (user_id) do update set last_id = ${taskCounters}.last_id + ${n}::int
    returning last_id`)) as { rows: { last_id: number }[] };
  if (!rows[0]) throw accountDeleted();
  return Number(rows[0].last_id) - n + 1;
}

function parentsFirst(all: DraftTask[]): DraftTask[] {
  const byKey = new Map(all.map((t) => [t.key, t]));
  const depth = (t: DraftTask): number => (t.parent_key && byKey.has(t.parent_key) ? depth(byKey.get(t.parent_key)!) + 1 : 0);
  return all.map((t, i) => ({ t, i, d: depth(t) })).sort((a, b) => a.d - b.d || a.i - b.i).map((x) => x.t);
}

/** A draft's recurrence as stored: a rule Tickler checks, and a first due date when the file had none. */
function repeatOf(t: DraftTask, zone: string, now: Date): { rule: string; dueAt: Date | null } | null {
  if (!t.recurrence) return null;
  try {
    const rule = checkRule(t.recurrence.rule);
    const dueAt = t.due_at ? new Date(t.due_at) : firstOccurrence(rule, zone, now);
    return dueAt ? { rule, dueAt } : null;
  } catch (err) {
    if (err instanceof DomainError) return null; // the preview already said what it could; an odd rule imports as a plain task
    throw err;
  }
}

async function insertTasks(tx: Tx, userId: string, ordered: DraftTask[], first: number, listIds: Map<string, number>, sectionIds: Map<string, number>, zone: string) {
  const placed = new Map<string, { id: number; listId: number; sectionId: number | null }>();
  const next = new Map<string, number>();
  const now = new Date();
  const rows: (typeof tasks.$inferInsert)[] = [];
  const withReminders: { id: number; reminders: DraftTask["reminders"]; dueAt: Date | null }[] = [];
  for (const [i, t] of ordered.entries()) {
    const parent = t.parent_key ? placed.get(t.parent_key) : undefined;
    // A subtask lives in its parent's list and section, whatever the file said.
    const listId = parent?.listId ?? listIds.get(t.list_key)!;
    const sectionId = parent ? parent.sectionId : t.section_key ? (sectionIds.get(t.section_key) ?? null) : null;
    const group = { listId, sectionId, parentId: parent?.id ?? null };
    const groupKey = `${group.listId}/${group.sectionId}/${group.parentId}`;
    // Existing groups continue after their last task; groups under new parents start empty.
    const position = next.get(groupKey) ?? (parent ? GAP : await appendPosition(tx, userId, group));
    next.set(groupKey, position + GAP);
    const id = first + i;
    placed.set(t.key, { id, listId, sectionId });
    const repeat = t.completed ? null : repeatOf(t, zone, now);
    const dueAt = repeat?.dueAt ?? (t.due_at ? new Date(t.due_at) : null);
    if (t.reminders.length) withReminders.push({ id, reminders: t.reminders, dueAt });
    rows.push({
      userId,
      id,
      title: t.title,
      description: t.description,
      priority: priorityRank(t.priority),
      tags: t.tags,
      dueAt,
      recurrenceRule: repeat?.rule ?? null,
      recurrenceText: repeat ? t.recurrence!.text : null,
      recurrenceFrom: repeat ? t.recurrence!.from : null,
      completed: t.completed,
      completedAt: t.completed ? new Date(t.completed_at ?? now) : null,
      createdAt: now,
      updatedAt: now,
      ...group,
      position,
    });
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(tasks).values(rows.slice(i, i + 500));
  // Reminders before a due date need one; the rest are dropped rather than fail the whole import.
  for (const r of withReminders) {
    const usable = r.reminders.filter((x) => r.dueAt || !("before_minutes" in x)).slice(0, 5);
    if (usable.length) await writeReminders(tx, userId, r.id, usable, r.dueAt);
  }
}
