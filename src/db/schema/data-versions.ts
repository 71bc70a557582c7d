/**
 * A per-user counter that changes whenever the user's tasks, lists or sections
 * change, whatever statement does it: triggers bump it (see the perf_indexes
 * migration). Responses derive their ETag from it, so a client revalidating an
 * unchanged list gets a 304 from one primary-key read (decision 023).
 */
import { bigint, pgTable, text } from "drizzle-orm/pg-core";

export const dataVersions = pgTable("data_versions", {
  userId: text("user_id").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});
