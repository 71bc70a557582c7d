/**
 * The calls only the date views make: projected occurrences of recurring
 * tasks, and one bulk write that moves many tasks to one due date.
 */
import type { Occurrence } from "#contracts/occurrences.ts";
import type { Task } from "#contracts/task.ts";
import { api } from "../../lib/api.ts";
import { endpoints } from "../../lib/endpoints.ts";
import { newIdempotencyKey } from "../../lib/idempotency-key.ts";

/**
 * Occurrences due in [from, to). Projections are previews: a server without the
 * route (404) or any failure to get them leaves the view showing real tasks only.
 */
export async function listOccurrences(from: Date, to: Date, signal?: AbortSignal): Promise<Occurrence[]> {
  try {
    const query = { from: from.toISOString(), to: to.toISOString() };
    return (await api(endpoints.occurrences, { query, signal })).occurrences;
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    return [];
  }
}

/** The bulk route takes at most this many ids per request. */
export const BULK_IDS_MAX = 100;

/** Sets one due date on many tasks: one POST …/tasks/bulk per 100 ids, all-or-nothing each. */
export async function setDueMany(ids: number[], dueAt: string | null): Promise<Task[]> {
  const out: Task[] = [];
  for (let i = 0; i < ids.length; i += BULK_IDS_MAX) {
    const body = { ids: ids.slice(i, i + BULK_IDS_MAX), set: { due_at: dueAt } };
    const res = await api(endpoints.bulkTasks, { body, headers: { "Idempotency-Key": newIdempotencyKey() } });
    if ("tasks" in res) out.push(...res.tasks);
  }
  return out;
}
