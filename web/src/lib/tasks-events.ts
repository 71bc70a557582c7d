/** "Tasks changed elsewhere" (e.g. by the assistant): the task page reloads its list and counts. */
import { useEffect, useRef } from "react";

const EVENT = "tickler:tasks-changed";

export function notifyTasksChanged(): void {
  window.dispatchEvent(new Event(EVENT));
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
