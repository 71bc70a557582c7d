/**
 * Caps on open `/events` streams in this process: at most `perUser` per user
 * (opening one more closes that user's oldest) and `total` overall (one more is
 * refused). What is counted is open connections of this replica — connection
 * state that ends with the connection, not user data to share across replicas.
 */
export interface StreamSlots {
  /**
   * Takes a slot for a new stream of `userId`; `evict` is called if a newer
   * stream of the same user later needs it. Returns the release function, or
   * null when the replica is full.
   */
  open(userId: string, evict: () => void): (() => void) | null;
  readonly size: number;
}

export function createStreamSlots(limits: { perUser: number; total: number }): StreamSlots {
  // Insertion order of each user's set is opening order: the first is the oldest.
  const byUser = new Map<string, Set<() => void>>();
  let size = 0;
  return {
    get size() {
      return size;
    },
    open(userId, evict) {
      let mine = byUser.get(userId);
      if (mine && mine.size >= limits.perUser) {
        const oldest = mine.values().next().value!;
        mine.delete(oldest);
        size--;
        oldest();
      } else if (size >= limits.total) {
        return null;
      }
      if (!mine) byUser.set(userId, (mine = new Set()));
      const slot = () => evict();
      mine.add(slot);
      size++;
      const set = mine;
      return () => {
        if (!set.delete(slot)) return; // already evicted
        size--;
        if (set.size === 0 && byUser.get(userId) === set) byUser.delete(userId);
      };
    },
  };
}
