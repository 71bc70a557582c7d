/**
 * Tasks. Task ids are numbers per user (1, 2, 3 … for each user), so ids never
 * hint at other users' activity; the primary key is (user_id, id).
 * No foreign key to "user": a resource server split from its issuer keeps its
 * own database without the user table. Account deletion removes rows explicitly.
 */
import { sql } from "drizzle-orm";
import { bigint, boolean, foreignKey, index, integer, pgTable, primaryKey, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { lists, sections } from "./lists.ts";

export const tasks = pgTable(
  "tasks",
  {
    userId: text("user_id").notNull(),
    id: integer("id").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    completed: boolean("completed").notNull().default(false),
    completedAt: timestamp("completed_at", { withTimezone: true, precision: 3 }),
    /** 0 none, 1 low, 2 medium, 3 high: stored as a rank so it sorts and indexes. */
    priority: smallint("priority").notNull().default(0),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    dueAt: timestamp("due_at", { withTimezone: true, precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    listId: integer("list_id").notNull(),
    sectionId: integer("section_id"),
    parentId: integer("parent_id"),
    /** Manual order among siblings (same list, section and parent): gapped ranks, see decision 008. */
    position: bigint("position", { mode: "number" }).notNull(),
    /**
     * Title, description and tags folded to lower case without accents (a generated
     * column over an immutable unaccent wrapper, see migration 0006): what `q` searches.
     */
    searchText: text("search_text").generatedAlwaysAs(sql`tickler_search_text(title, description, tags)`),
    /** The title alone, folded the same way: search ranks title matches first without folding per row. */
    searchTitle: text("search_title").generatedAlwaysAs(sql`tickler_fold(title)`),
    /** RFC 5545 RRULE (no DTSTART: the current due_at is the series' start, in the user's zone). Null: not recurring. */
    recurrenceRule: text("recurrence_rule"),
    recurrenceText: text("recurrence_text"),
    /** "due" or "completion" (Todoist's every!). */
    recurrenceFrom: text("recurrence_from"),
    /** Occurrences completed so far (COUNT counts these); skipped ones do not count. */
    completedOccurrences: integer("completed_occurrences").notNull().default(0),
    lastCompletedAt: timestamp("last_completed_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.id] }),
    // One index per sort key, each ending in id for keyset pagination.
    index("tasks_user_created_idx").on(t.userId, t.createdAt, t.id),
    index("tasks_user_updated_idx").on(t.userId, t.updatedAt, t.id),
    index("tasks_user_due_idx").on(t.userId, t.dueAt, t.id),
    index("tasks_user_priority_idx").on(t.userId, t.priority, t.id),
    index("tasks_user_title_idx").on(t.userId, sql`lower(${t.title})`, t.id),
    index("tasks_tags_idx").using("gin", t.tags),
    index("tasks_user_list_position_idx").on(t.userId, t.listId, t.position, t.id),
    index("tasks_user_parent_idx").on(t.userId, t.parentId),
    index("tasks_search_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    foreignKey({ columns: [t.userId, t.listId], foreignColumns: [lists.userId, lists.id], name: "tasks_list_fk" }),
    foreignKey({ columns: [t.userId, t.listId, t.sectionId], foreignColumns: [sections.userId, sections.listId, sections.id], name: "tasks_section_fk" }),
    // Deleting a parent deletes its subtasks, at any depth.
    foreignKey({ columns: [t.userId, t.parentId], foreignColumns: [t.userId, t.id], name: "tasks_parent_fk" }).onDelete("cascade"),
  ],
);

/** The next task number of each user, bumped atomically by an upsert. */
export const taskCounters = pgTable("task_counters", {
  userId: text("user_id").primaryKey(),
  lastId: integer("last_id").notNull(),
});

/**
 * Accounts deleted at the issuer. Access tokens outlive the account by up to
 * their lifetime; creates check this table so such a token cannot leave rows behind.
 */
export const deletedAccounts = pgTable("deleted_accounts", {
  userId: text("user_id").primaryKey(),
  deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per completed occurrence of a recurring task: what the task looked
 * like before, so an undo restores the due date, count and last completion
 * exactly (and re-completes the subtasks the advance reopened).
 */
export const taskCompletions = pgTable(
  "task_completions",
  {
    userId: text("user_id").notNull(),
    taskId: integer("task_id").notNull(),
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    /** The due date of the occurrence that was completed (the task's due_at before). */
    dueAt: timestamp("due_at", { withTimezone: true, precision: 3 }),
    previousCompletedAt: timestamp("previous_completed_at", { withTimezone: true, precision: 3 }),
    completedAt: timestamp("completed_at", { withTimezone: true, precision: 3 }).notNull(),
    /** The rule had no later occurrence: the task was completed for good. */
    ended: boolean("ended").notNull().default(false),
    reopenedSubtaskIds: integer("reopened_subtask_ids").array().notNull().default(sql`'{}'::integer[]`),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.taskId, t.seq] }),
    foreignKey({ columns: [t.userId, t.taskId], foreignColumns: [tasks.userId, tasks.id], name: "task_completions_task_fk" }).onDelete("cascade"),
  ],
);
