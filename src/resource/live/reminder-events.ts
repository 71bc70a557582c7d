/**
 * Fired reminders, to every replica's open event streams of their user: one
 * NOTIFY per reminder (sent in one statement per batch), so the page open on
 * any replica shows it. The payload is small (the title is at most 200 chars).
 */
import { subscriberRegistry } from "./subscribers.ts";
import { sql } from "drizzle-orm";
import type { ReminderEvent } from "../../contracts/reminder.ts";
import type { Database } from "../../db/client.ts";
import type { Logger } from "../../http/logger.ts";

export const REMINDERS_CHANNEL = "tickler_reminders";

export interface ReminderEvents {
  publish(fired: { userId: string; event: ReminderEvent }[]): Promise<void>;
  subscribe(userId: string, fn: (event: ReminderEvent) => void): () => void;
  close(): Promise<void>;
}

export async function createReminderEvents(database: Database, logger: Logger): Promise<ReminderEvents> {
  const subscribers = subscriberRegistry<ReminderEvent>();
  const unlisten = await database.listen(REMINDERS_CHANNEL, (payload) => {
    try {
      const { u, e } = JSON.parse(payload) as { u: string; e: ReminderEvent };
      subscribers.notify(u, e);
    } catch (err) {
      logger.warn("bad reminder notification", { error: (err as Error).message });
    }
  });
  return {
    async publish(fired) {
      if (fired.length === 0) return;
      const payloads = sql.join(
        fired.map((f) => sql`${JSON.stringify({ u: f.userId, e: f.event })}::text`),
        sql`, `,
      );
      await database.db.execute(sql`select pg_notify(${REMINDERS_CHANNEL}, p) from unnest(array[${payloads}]) as p`);
    },
    subscribe: (userId, fn) => subscribers.subscribe(userId, fn),
    close: unlisten,
  };
}
