/**
 * Is the server reachable? Every API call reports here: a network failure or a
 * gateway error (502/503/504) means offline, any other answer means online. The
 * task page shows the last list marked offline, writes go to the outbox, and the
 * outbox replays when this flips back to online.
 */
import { useSyncExternalStore } from "react";

let online = true;
const listeners = new Set<() => void>();

const set = (next: boolean) => {
  if (next === online) return;
  online = next;
  document.documentElement.dataset.server = next ? "online" : "offline";
  listeners.forEach((l) => l());
};

export const serverReachable = (): boolean => online;
export const markServerOnline = (): void => set(true);
export const markServerOffline = (): void => set(false);

/** Status codes that mean "the server (or the proxy in front of it) is not there right now". */
export const isOfflineStatus = (status: number): boolean => status === 0 || status === 502 || status === 503 || status === 504;

export function onConnectivityChange(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useServerReachable(): boolean {
  return useSyncExternalStore(onConnectivityChange, serverReachable, () => true);
}
