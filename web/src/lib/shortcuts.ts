/**
 * Keyboard shortcuts: single keys ("n"), two-key sequences ("g t", Todoist's
 * style) and "Mod+z" (Ctrl or ⌘). Ignored while typing in a field, so they never
 * steal characters, and while a modal dialog owns the keyboard. SHORTCUTS is the
 * one list the help dialog shows; keys handled by a focused task row are in it too.
 */
import { useEffect, useRef } from "react";

export const SHORTCUTS = [
  { keys: "q", label: "Quick add a task (n works too)" },
  { keys: "/", label: "Search tasks" },
  { keys: "g t", label: "Go to Today" },
  { keys: "g u", label: "Go to Upcoming" },
  { keys: "g i", label: "Go to To do" },
  { keys: "g c", label: "Go to Completed" },
  { keys: "↑ ↓", label: "Move between tasks (Home, End: first, last)" },
  { keys: "e", label: "Edit the focused task (Enter works too)" },
  { keys: "d", label: "Complete the focused task (Space or x work too)" },
  { keys: "Delete", label: "Delete the focused task, with Undo" },
  { keys: "Ctrl+Z", label: "Undo the last change" },
  { keys: "?", label: "Show keyboard shortcuts" },
  { keys: "Esc", label: "Close a panel or cancel an edit" },
] as const;

/** How long the second key of a sequence may follow the first. */
const SEQUENCE_MS = 1500;

export function isTypingTarget(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") {
    const type = (el as HTMLInputElement).type;
    return !["checkbox", "radio", "button", "submit", "reset"].includes(type);
  }
  return false;
}

/** The handler name a key press asks for, given the first key of a sequence in progress. */
export function shortcutFor(e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">, prefix: string | null, names: readonly string[]): { run?: string; prefix: string | null } {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "z") return { run: names.includes("Mod+z") ? "Mod+z" : undefined, prefix: null };
  if (e.ctrlKey || e.metaKey || e.altKey) return { prefix: null };
  if (prefix && names.includes(`${prefix} ${e.key}`)) return { run: `${prefix} ${e.key}`, prefix: null };
  if (names.some((n) => n.startsWith(`${e.key} `))) return { prefix: e.key };
  return { run: names.includes(e.key) ? e.key : undefined, prefix: null };
}

export function useShortcuts(handlers: Record<string, () => void>): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    let prefix: string | null = null;
    let prefixAt = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      // An open modal dialog owns the keyboard.
      if (document.querySelector("dialog[open]")) return;
      const live = prefix && e.timeStamp - prefixAt < SEQUENCE_MS ? prefix : null;
      const next = shortcutFor(e, live, Object.keys(ref.current));
      if (next.prefix) {
        prefix = next.prefix;
        prefixAt = e.timeStamp;
        e.preventDefault();
        return;
      }
      prefix = null;
      const handler = next.run ? ref.current[next.run] : undefined;
      if (handler) {
        e.preventDefault();
        handler();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
