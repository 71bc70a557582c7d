/**
 * The reminder poller every replica runs. Its only state is when to look
 * again: the rows are the truth. It claims due rows (claim.ts), delivers them,
 * then sleeps until the next pending fire time or the poll interval, whichever
 * is sooner; a task change on any replica (NOTIFY) wakes it to look again.
 * The first pass runs at start-up, which is when reminders that came due while
 * every server was down fire late or are recorded as missed.
 */
import type { Database } from "../../db/client.ts";
import { claimDue, nextFireAt, type ClaimedReminder } from "../../domain/reminders/claim.ts";
import type { Logger } from "../../http/logger.ts";
import { TASKS_CHANNEL } from "../live/task-events.ts";

export interface SchedulerOptions {
  database: Database;
  deliver: (claimed: ClaimedReminder[]) => Promise<void>;
  graceMs: number;
  pollMs: number;
  logger: Logger;
  batch?: number;
  /** Later than this after its time it is delivered marked late (it waited for a server to come up). */
  lateAfterMs?: number;
}

export interface ReminderScheduler {
  /** Look for due reminders now. */
  wake(): void;
  /** Stops polling; resolves when the current pass is over. */
  stop(): Promise<void>;
}

/** Rows locked by another replica's claim are due but not ours: look again shortly, without spinning. */
const MIN_SLEEP_MS = 100;

/**
 * Task changes wake the poller at most this often after a pass began: a burst of writes (every
 * create NOTIFYs) costs one pass per interval instead of a pass per write (decision 027).
 */
const WAKE_GAP_MS = 100;

export async function startReminderScheduler(o: SchedulerOptions): Promise<ReminderScheduler> {
  const batch = o.batch ?? 200;
  const lateAfterMs = o.lateAfterMs ?? 60_000;
  let stopped = false;
  let again = false;
  // The current nap's early end; whether a wake may take it (a stop always does).
  let endNap: (() => void) | undefined;
  let napWakeable = false;
  const nap = (ms: number, wakeable: boolean) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        endNap = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      endNap = done;
      napWakeable = wakeable;
    });
  const wake = () => {
    again = true;
    if (napWakeable) endNap?.();
  };
  const unlisten = await o.database.listen(TASKS_CHANNEL, wake);

  async function pass(): Promise<number> {
    let n: number;
    do {
      const claimed = await claimDue(o.database.db, { now: new Date(), graceMs: o.graceMs, lateAfterMs, batch });
      n = claimed.length;
      if (n) await o.deliver(claimed);
    } while (n === batch && !stopped);
    const next = await nextFireAt(o.database.db);
    if (!next) return o.pollMs;
    return Math.min(o.pollMs, Math.max(MIN_SLEEP_MS, next.getTime() - Date.now()));
  }

  const loop = (async () => {
    while (!stopped) {
      again = false;
      const began = Date.now();
      let sleep = o.pollMs;
      try {
        sleep = await pass();
      } catch (err) {
        if (!stopped) o.logger.warn("reminder poll failed", { error: (err as Error).message });
      }
      if (stopped) break;
      if (!again) await nap(sleep, true);
      // Woken (during the pass or the nap): the next pass, but not sooner than WAKE_GAP_MS after this one began.
      const gap = began + WAKE_GAP_MS - Date.now();
      if (gap > 0 && !stopped) await nap(gap, false);
    }
  })();

  return {
    wake,
    async stop() {
      stopped = true;
      endNap?.();
      await loop;
      await unlisten();
    },
  };
}
