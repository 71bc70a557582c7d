/**
 * Global single-key shortcuts. Ignored while typing in a field or with a
 * modifier held, so they never steal characters from the user.
 */
import { useEffect, useRef } from "react";

export const SHORTCUTS = [
  { keys: "n", label: "New task" },
  { keys: "/", label: "Search tasks" },
  { keys: "?", label: "Show keyboard shortcuts" },
  { keys: "Esc", label: "Close a panel or cancel an edit" },
] as const;

function isTypingTarget(el: EventTarget | null): boolean {
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

export function useShortcuts(handlers: Record<string, () => void>): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTypingTarget(e.target)) return;
      // An open modal dialog owns the keyboard.
      if (document.querySelector("dialog[open]")) return;
      const handler = ref.current[e.key];
      if (handler) {
        e.preventDefault();
        handler();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
