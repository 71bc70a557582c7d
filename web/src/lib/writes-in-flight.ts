/**
 * Counts API writes (POST/PATCH/PUT/DELETE) still waiting for an answer, so a
 * "tasks changed elsewhere" reload can wait for the page's own optimistic edits
 * to land instead of replacing the list with a snapshot taken before them.
 */
let inFlight = 0;
const waiters = new Set<() => void>();

export function beginWrite(): () => void {
  inFlight++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    inFlight--;
    if (inFlight === 0) {
      const ready = [...waiters];
      waiters.clear();
      ready.forEach((w) => w());
    }
  };
}

export const writesInFlight = (): number => inFlight;

/** Calls `fn` once no write is in flight (at once if none is), or after `maxWaitMs` at the latest. */
export function whenWritesSettled(fn: () => void, maxWaitMs = 5000): () => void {
  if (inFlight === 0) {
    fn();
    return () => {};
  }
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    waiters.delete(run);
    fn();
  };
  const timer = setTimeout(run, maxWaitMs);
  waiters.add(run);
  return () => {
    done = true;
    clearTimeout(timer);
    waiters.delete(run);
  };
}
