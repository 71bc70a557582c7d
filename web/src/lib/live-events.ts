/**
 * Live updates: one `GET /api/me/events` stream per signed-in tab (fetch + a stream
 * reader, since EventSource can't send the Bearer token). Every `tasks.changed`
 * goes to the tasks-changed notifier, which coalesces and reloads the list; every
 * `reminder` to the reminder alerts.
 *
 * - Reconnects with jittered exponential back-off. While the server can't be
 *   reached at all (connection refused, gateway errors) attempts are cheap and
 *   capped at 1.5 s apart, so the stream is back within ~2 s of the server; a server
 *   that answers with an error backs off 1 s … 30 s. A 401 gets one token refresh
 *   and retry (in `apiFetch`); an ended session stops it (the app then sends the
 *   user to sign in). A stream the server `superseded` (the user opened too many)
 *   waits the longest back-off before trying again.
 * - After a reconnect it reloads once, since changes may have happened in between.
 * - A silent stream (no event or keepalive for 45 s) counts as dead.
 * - A tab hidden for a minute lets its stream go (browsers allow ~6 connections per
 *   host across tabs) and reconnects, with a reload, when it becomes visible.
 */
import { apiResponse } from "./api.ts";
import { ApiError } from "./api-client.ts";
import { endpoints } from "./endpoints.ts";
import { isOfflineStatus } from "./connectivity.ts";
import { readSse } from "./sse.ts";
import { notifyTasksChanged } from "./tasks-events.ts";
import { emitReminder } from "./reminder-events.ts";

const MIN_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30_000;
/** While the server is unreachable: 250 ms, 500 ms, 1 s, then every 1.5 s at most. */
const UNREACHABLE_MIN_MS = 250;
const UNREACHABLE_MAX_MS = 1500;
const SILENCE_MS = 45_000;
const HIDDEN_GRACE_MS = 60_000;

export interface LiveEventsOptions {
  onTasksChanged?: () => void;
  /** Connection state, for tests and status UI. */
  onStatus?: (status: "connecting" | "open" | "closed") => void;
}

/** Starts the stream; returns a function that stops it for good. */
export function startLiveEvents(opts: LiveEventsOptions = {}): () => void {
  const onChange = opts.onTasksChanged ?? notifyTasksChanged;
  let stopped = false;
  let connection: AbortController | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let hiddenTimer: ReturnType<typeof setTimeout> | null = null;
  let silenceTimer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let everOpened = false;
  let parked = false; // disconnected on purpose while the tab is hidden

  const status = (s: "connecting" | "open" | "closed") => {
    opts.onStatus?.(s);
    document.documentElement.dataset.liveEvents = s;
  };

  const clearTimer = (t: ReturnType<typeof setTimeout> | null) => t && clearTimeout(t);

  /** How the last attempt ended decides the next wait. */
  let lastEnd: "unreachable" | "refused" | "superseded" = "refused";
  const scheduleReconnect = () => {
    if (stopped || parked) return;
    const base =
      lastEnd === "superseded"
        ? MAX_BACKOFF_MS
        : lastEnd === "unreachable"
          ? Math.min(UNREACHABLE_MAX_MS, UNREACHABLE_MIN_MS * 2 ** failures)
          : Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** failures);
    failures++;
    clearTimer(retryTimer);
    retryTimer = setTimeout(connect, base / 2 + Math.random() * (base / 2));
  };

  const armSilence = (ac: AbortController) => {
    clearTimer(silenceTimer);
    silenceTimer = setTimeout(() => ac.abort(), SILENCE_MS);
  };

  async function connect(): Promise<void> {
    if (stopped || parked) return;
    clearTimer(retryTimer);
    retryTimer = null;
    connection?.abort();
    const ac = new AbortController();
    connection = ac;
    status("connecting");
    lastEnd = "refused";
    try {
      const res = await apiResponse(endpoints.events, { accept: "text/event-stream", signal: ac.signal });
      if (!res.body) throw new Error("no body");
      armSilence(ac);
      for await (const msg of readSse(res.body)) {
        if (ac.signal.aborted) break;
        armSilence(ac);
        if (msg.event === "ready") {
          status("open");
          failures = 0;
          if (everOpened) onChange(); // we may have missed changes while away
          everOpened = true;
        } else if (msg.event === "tasks.changed") {
          onChange();
        } else if (msg.event === "reminder") {
          emitReminder(msg.data);
        } else if (msg.event === "superseded") {
          lastEnd = "superseded";
        }
      }
      // The server ended the stream (restart, drain): it is likely coming back soon.
      if (lastEnd !== "superseded") lastEnd = "unreachable";
    } catch (err) {
      // A network failure mid-stream (the server died) is "unreachable" too.
      if (!(err instanceof ApiError) || isOfflineStatus(err.status)) lastEnd = "unreachable";
      if (err instanceof ApiError && err.status === 401) {
        // The session is gone (the token manager told the app); don't hammer the server.
        stopped = true;
      }
    } finally {
      clearTimer(silenceTimer);
      if (connection === ac) {
        connection = null;
        status("closed");
        scheduleReconnect();
      }
    }
  }

  const onVisibility = () => {
    if (document.visibilityState === "hidden") {
      clearTimer(hiddenTimer);
      hiddenTimer = setTimeout(() => {
        parked = true;
        clearTimer(retryTimer);
        connection?.abort();
      }, HIDDEN_GRACE_MS);
    } else {
      clearTimer(hiddenTimer);
      hiddenTimer = null;
      if (parked) {
        parked = false;
        failures = 0;
        void connect();
      }
    }
  };
  const onOnline = () => {
    if (!connection && !parked && !stopped) {
      failures = 0;
      void connect();
    }
  };

  document.addEventListener("visibilitychange", onVisibility);
  window.addEventListener("online", onOnline);
  void connect();

  return () => {
    stopped = true;
    [retryTimer, hiddenTimer, silenceTimer].forEach(clearTimer);
    document.removeEventListener("visibilitychange", onVisibility);
    window.removeEventListener("online", onOnline);
    const c = connection;
    connection = null;
    c?.abort();
    delete document.documentElement.dataset.liveEvents;
  };
}
