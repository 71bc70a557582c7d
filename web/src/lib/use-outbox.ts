import { useSyncExternalStore } from "react";
import { onOutboxChange, outboxSize } from "./outbox.ts";

/** How many writes wait in the outbox (re-renders as it changes, in this tab or another). */
export function useOutboxSize(): number {
  return useSyncExternalStore(onOutboxChange, outboxSize, () => 0);
}
