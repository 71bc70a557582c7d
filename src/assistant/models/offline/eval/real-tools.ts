/**
 * The real task tools (src/assistant/tools) over an in-memory PGlite database,
 * so the eval also checks the offline model against the production tools'
 * result shapes, search and ordering. One database; one user per case.
 */
import type { ToolSet } from "ai";
import { randomUUID } from "node:crypto";
import { loadConfig, rowLimits } from "../../../../config/env.ts";
import { TaskCreate } from "../../../../contracts/task.ts";
import { openDatabase, type Database } from "../../../../db/client.ts";
import { migrateDatabase } from "../../../../db/migrate.ts";
import { createList } from "../../../../domain/lists/service.ts";
import { createTask } from "../../../../domain/tasks/service.ts";
import { aiSdkTools } from "../../../tools/ai-sdk.ts";
import type { Clock } from "../clock.ts";

/** A task the case starts with, in the REST create shape. */
export type SeedTask = TaskCreate;

export interface RealTools {
  /** `lists` are created first (numbers 2, 3, … after the Inbox's 1), so seed tasks can name them by list_id. */
  toolsFor: (seed: SeedTask[], clock: Clock, lists?: string[]) => Promise<ToolSet>;
  close(): Promise<void>;
}

export async function openRealTools(): Promise<RealTools> {
  const limits = rowLimits(loadConfig({}));
  const database: Database = await openDatabase({ dataDir: "memory://" });
  await migrateDatabase(database);
  return {
    toolsFor: async (seed, clock, lists = []) => {
      const userId = `eval-${randomUUID()}`;
      for (const name of lists) await createList(database.db, userId, { name });
      for (const s of seed) await createTask(database.db, userId, TaskCreate.parse(s), limits);
      return aiSdkTools({ db: database.db, userId, timeZone: clock.timeZone, now: () => clock.now, onTasksChanged: () => {}, rowLimits: limits });
    },
    close: () => database.close(),
  };
}
