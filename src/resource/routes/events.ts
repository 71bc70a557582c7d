/**
 * `GET /api/{user_id}/events`: a server-sent event stream that says
 * `tasks.changed` whenever the user's tasks change, from any surface or replica,
 * and `reminder` when one of the user's reminders fires (on whichever replica).
 * Streams are capped per user (the oldest gets `superseded` and ends) and per
 * replica (503 `too_many_streams`), so one token cannot hold thousands open.
 */
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { HttpError } from "../../http/errors.ts";
import { docs } from "../../http/openapi.ts";
import type { StreamSlots } from "../live/stream-slots.ts";
import type { TaskEvents } from "../live/task-events.ts";
import type { ReminderEvent } from "../../contracts/reminder.ts";
import type { ReminderEvents } from "../live/reminder-events.ts";
import type { AuthEnv } from "../require-user.ts";

/** Comments keep proxies from closing an idle stream. */
const KEEPALIVE_MS = 15_000;

const streamDoc = docs("Live updates")({
  summary: "Server-sent events: `ready`, then `tasks.changed` whenever your tasks change, `reminder` when a reminder fires",
  description:
    "`reminder` carries one fired reminder (each its own event, never collapsed). `superseded` when a newer stream of yours took this one's slot (EVENT_STREAMS_PER_USER).",
  responses: { 200: { description: "An event stream", also: { "text/event-stream": null } } },
  errors: [503],
});

export function eventRoutes(events: TaskEvents, slots: StreamSlots, reminders?: ReminderEvents) {
  const app = new Hono<AuthEnv>();
  app.get("/", streamDoc, (c) => {
    const userId = c.var.user.id;
    let superseded = false;
    let wake: () => void = () => {};
    const release = slots.open(userId, () => {
      superseded = true;
      wake();
    });
    if (!release) {
      throw new HttpError(503, "too_many_streams", "this server has too many open event streams; retry later", undefined, { "retry-after": "30" });
    }
    c.header("cache-control", "no-cache");
    c.header("x-accel-buffering", "no");
    return streamSSE(c, async (stream) => {
      let seq = 0;
      let pending = false;
      let ending = false;
      const unsubscribe = events.subscribe(userId, (end) => {
        if (end) ending = true;
        else pending = true;
        wake();
      });
      // Reminders are never collapsed: each one is its own event.
      const fired: ReminderEvent[] = [];
      const unsubscribeReminders =
        reminders?.subscribe(userId, (event) => {
          fired.push(event);
          wake();
        }) ?? (() => {});
      stream.onAbort(() => wake());
      try {
        await stream.writeSSE({ event: "ready", data: "{}" });
        while (!stream.aborted && !stream.closed && !ending) {
          if (!pending && !superseded && fired.length === 0) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, KEEPALIVE_MS).unref();
            });
          }
          if (stream.aborted || stream.closed || ending) break;
          if (superseded) {
            // A newer stream of this user took the slot: say so, so the client doesn't reconnect at once.
            await stream.writeSSE({ event: "superseded", data: "{}" });
            break;
          }
          while (fired.length > 0) {
            const event = fired.shift()!;
            await stream.writeSSE({ event: "reminder", id: String(++seq), data: JSON.stringify(event) });
          }
          if (pending) {
            pending = false; // changes that arrive together collapse into one event
            await stream.writeSSE({ event: "tasks.changed", id: String(++seq), data: JSON.stringify({ at: new Date().toISOString() }) });
          } else if (!stream.aborted) {
            await stream.write(": keepalive\n\n");
          }
        }
      } finally {
        unsubscribe();
        unsubscribeReminders();
        release();
      }
    });
  });
  return app;
}
