/**
 * "Tasks changed elsewhere" (the assistant, MCP, another tab or device): the task
 * page reloads its list and counts.
 *
 * Notifications are coalesced: a burst (a chat turn's tool results plus the live
 * event that follows them) becomes one reload ~150 ms after the last one, and the
 * reload waits for this page's own writes still in flight, so it never replaces an
 * optimistic edit with a snapshot taken before the edit reached the server.
 */
import { useEffect, useRef } from "react";
import { whenWritesSettled } from "./writes-in-flight.ts";

const EVENT = "tickler:tasks-changed";
export const TASKS_CHANGED_DEBOUNCE_MS = 150;

let timer: ReturnType<typeof setTimeout> | null = null;
let cancelWait: (() => void) | null = null;

/** Asks every listener to reload, once, shortly. */
export function notifyTasksChanged(): void {
  if (timer) clearTimeout(timer);
  cancelWait?.();
  cancelWait = null;
  timer = setTimeout(() => {
    timer = null;
    cancelWait = whenWritesSettled(() => {
      cancelWait = null;
      window.dispatchEvent(new Event(EVENT));
    });
  }, TASKS_CHANGED_DEBOUNCE_MS);
}

export function useTasksChanged(listener: () => void): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => {
    const on = () => ref.current();
    window.addEventListener(EVENT, on);
    return () => window.removeEventListener(EVENT, on);
  }, []);
}
