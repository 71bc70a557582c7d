/**
 * Live updates: one `GET /api/me/events` stream per signed-in tab (fetch + a stream
 * reader, since EventSource can't send the Bearer token). Every `tasks.changed`
 * goes to the tasks-changed notifier, which coalesces and reloads the list.
 *
 * - Reconnects with jittered exponential back-off (1 s … 30 s) after errors or a
 *   closed stream; a 401 gets one token refresh and retry (in `apiFetch`); an ended
 *   session stops it (the app then sends the user to sign in).
 * - After a reconnect it reloads once, since changes may have happened in between.
 * - A silent stream (no event or keepalive for 45 s) counts as dead.
 * - A tab hidden for a minute lets its stream go (browsers allow ~6 connections per
 *   host across tabs) and reconnects, with a reload, when it becomes visible.
 */
import { ApiError, apiFetch } from "./api-client.ts";
import { readSse } from "./sse.ts";
import { notifyTasksChanged } from "./tasks-events.ts";

const MIN_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30_000;
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

  const scheduleReconnect = () => {
    if (stopped || parked) return;
    const base = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** failures);
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
    try {
      const res = await apiFetch("/api/me/events", { accept: "text/event-stream", signal: ac.signal });
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
        }
      }
    } catch (err) {
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
