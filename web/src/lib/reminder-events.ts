/** Fired reminders from the live event stream, to whoever shows them (the reminder alerts). */
import { ReminderEvent } from "#contracts/reminder.ts";

type Listener = (event: ReminderEvent) => void;
const listeners = new Set<Listener>();

export function emitReminder(data: string): void {
  let event: ReminderEvent;
  try {
    event = ReminderEvent.parse(JSON.parse(data));
  } catch {
    return; // a stray or newer event shape: nothing to show
  }
  for (const fn of listeners) fn(event);
}

export function onReminder(fn: Listener): () => void {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}
