/**
 * A task's insert as one statement: `tickler_claim_task` (migration 0012) takes
 * the user's organiser lock, checks the list, bumps the task counter, claims a
 * row under the cap and reads the siblings' last position, and the same
 * statement inserts the row with what it returned (decision 027). On its own it
 * is a whole create in one round trip with no BEGIN/COMMIT: the locks are held
 * only while the server works, so one user's creates queue for microseconds,
 * not for round trips. Inside a transaction (subtasks, sections, reminders) it
 * is the same allocation, after the caller's checks.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { tasks } from "../../db/schema/tasks.ts";
import { accountDeleted, notFound } from "../errors.ts";
import type { Tx } from "../lists/lock.ts";
import { quotaExceeded } from "../quotas.ts";
import type { TaskRow } from "./mapping.ts";
import { GAP } from "./positions.ts";

/** The row's columns except what the claim decides (user, number, list, position). */
export type ClaimedValues = Omit<
  typeof tasks.$inferInsert,
  "userId" | "id" | "listId" | "position" | "sectionId" | "parentId"
>;

/** Where the task goes; `listId: null` is the Inbox. */
export interface Placement {
  listId: number | null;
  sectionId: number | null;
  parentId: number | null;
}

/** The user has no Inbox yet (their first write): the caller creates it under the lock and tries again. */
export class NoInboxYet extends Error {
  override name = "NoInboxYet";
}

const sqlStateOf = (err: unknown): string | undefined => {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = e?.cause?.code ?? e?.code;
  return typeof code === "string" ? code : undefined;
};

/** Inserts one task numbered, placed and counted by `tickler_claim_task`; refusals become domain errors. */
export async function insertClaimed(
  db: Db | Tx,
  userId: string,
  at: Placement,
  values: ClaimedValues,
  limit: number,
): Promise<TaskRow> {
  const claim = db
    .$with("claim", { id: sql<number>`new_id`, listId: sql<number>`new_list_id`, position: sql<number>`new_position` })
    .as(
      sql`select * from tickler_claim_task(${userId}, ${at.listId}::int, ${at.sectionId}::int, ${at.parentId}::int, ${limit}::int, ${GAP}::bigint)`,
    );
  try {
    const [row] = await db
      .with(claim)
      .insert(tasks)
      .values({
        ...values,
        userId,
        id: sql`(select new_id from ${claim})`,
        listId: sql`(select new_list_id from ${claim})`,
        position: sql`(select new_position from ${claim})`,
        sectionId: at.sectionId,
        parentId: at.parentId,
      })
      .returning();
    return row!;
  } catch (err) {
    switch (sqlStateOf(err)) {
      case "TK001":
        throw new NoInboxYet();
      case "TK002":
        throw notFound("list");
      case "TK003":
        throw accountDeleted();
      case "TK004":
        throw quotaExceeded("tasks", limit);
      default:
        throw err;
    }
  }
}
