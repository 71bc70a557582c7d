/** This replica's open streams per user, for the LISTEN side of a channel to hand each notification to. */
export function subscriberRegistry<T>() {
  const byUser = new Map<string, Set<(value: T) => void>>();
  return {
    /** Calls every subscriber of `userId`. */
    notify(userId: string, value: T) {
      for (const fn of byUser.get(userId) ?? []) fn(value);
    },
    /** Calls every subscriber of every user. */
    notifyAll(value: T) {
      for (const set of byUser.values()) for (const fn of set) fn(value);
    },
    /** Adds `fn`; the returned function removes it (and the user's entry with its last one). */
    subscribe(userId: string, fn: (value: T) => void): () => void {
      let set = byUser.get(userId);
      if (!set) byUser.set(userId, (set = new Set()));
      set.add(fn);
      return () => {
        set.delete(fn);
        if (set.size === 0) byUser.delete(userId);
      };
    },
  };
}
