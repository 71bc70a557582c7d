import { useEffect, useRef } from "react";
import { SHORTCUTS } from "../../lib/shortcuts.ts";

/** Modal list of keyboard shortcuts (native <dialog>: focus trap and Esc for free). */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      onClick={(e) => e.target === e.currentTarget && onClose()}
      data-testid="shortcuts-dialog"
    >
      <div className="dialog-body">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl className="shortcut-list">
          {SHORTCUTS.map((s) => (
            <div key={s.keys} className="shortcut-row">
              <dt>
                {s.keys.split(" ").map((k, i) => (
                  <kbd key={i}>{k}</kbd>
                ))}
              </dt>
              <dd>{s.label}</dd>
            </div>
          ))}
          <div className="shortcut-row">
            <dt>
              <kbd>Enter</kbd>
            </dt>
            <dd>Add the task typed in the quick-add box; save an inline edit</dd>
          </div>
        </dl>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
