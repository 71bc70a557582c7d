/**
 * `GET /api/{user_id}/events`: a server-sent event stream that says
 * `tasks.changed` whenever the user's tasks change, from any surface or replica.
 */
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { TaskEvents } from "../live/task-events.ts";
import type { AuthEnv } from "../require-user.ts";

/** Comments keep proxies from closing an idle stream. */
const KEEPALIVE_MS = 15_000;

export function eventRoutes(events: TaskEvents) {
  const app = new Hono<AuthEnv>();
  app.get("/", (c) => {
    const userId = c.var.user.id;
    c.header("cache-control", "no-cache");
    c.header("x-accel-buffering", "no");
    return streamSSE(c, async (stream) => {
      let seq = 0;
      let wake: () => void = () => {};
      let pending = false;
      let ending = false;
      const unsubscribe = events.subscribe(userId, (end) => {
        if (end) ending = true;
        else pending = true;
        wake();
      });
      stream.onAbort(() => wake());
      try {
        await stream.writeSSE({ event: "ready", data: "{}" });
        while (!stream.aborted && !stream.closed && !ending) {
          if (!pending) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, KEEPALIVE_MS).unref();
            });
          }
          if (stream.aborted || stream.closed || ending) break;
          if (pending) {
            pending = false; // changes that arrive together collapse into one event
            await stream.writeSSE({ event: "tasks.changed", id: String(++seq), data: JSON.stringify({ at: new Date().toISOString() }) });
          } else {
            await stream.write(": keepalive\n\n");
          }
        }
      } finally {
        unsubscribe();
      }
    });
  });
  return app;
}
