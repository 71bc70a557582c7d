/**
 * Lists (Todoist's projects) and their sections. Ids are numbers per user, like
 * task ids, and the primary keys are (user_id, id). Composite foreign keys from
 * tasks carry user_id, so the database itself refuses a task pointing at
 * another user's list, section or parent.
 */
import { sql } from "drizzle-orm";
import { bigint, boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex } from "drizzle-orm/pg-core";

export const lists = pgTable(
  "lists",
  {
    userId: text("user_id").notNull(),
    id: integer("id").notNull(),
    name: text("name").notNull(),
    color: text("color").notNull().default("grey"),
    position: bigint("position", { mode: "number" }).notNull(),
    isInbox: boolean("is_inbox").notNull().default(false),
    archived: boolean("archived").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.id] }),
    uniqueIndex("lists_user_name_idx").on(t.userId, sql`lower(${t.name})`),
    // Exactly one Inbox per user: concurrent first requests cannot create two.
    uniqueIndex("lists_user_inbox_idx").on(t.userId).where(sql`${t.isInbox}`),
  ],
);

export const sections = pgTable(
  "sections",
  {
    userId: text("user_id").notNull(),
    id: integer("id").notNull(),
    listId: integer("list_id").notNull(),
    name: text("name").notNull(),
    position: bigint("position", { mode: "number" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.id] }),
    // Target of the tasks' (user_id, list_id, section_id) key: a section only ever holds tasks of its own list.
    unique("sections_user_list_id_key").on(t.userId, t.listId, t.id),
    index("sections_user_list_idx").on(t.userId, t.listId, t.position),
    foreignKey({ columns: [t.userId, t.listId], foreignColumns: [lists.userId, lists.id], name: "sections_list_fk" }).onDelete("cascade"),
  ],
);

/** The next list and section numbers of each user; its row is also the lock that serialises list writes. */
export const listCounters = pgTable("list_counters", {
  userId: text("user_id").primaryKey(),
  lastListId: integer("last_list_id").notNull().default(0),
  lastSectionId: integer("last_section_id").notNull().default(0),
});
