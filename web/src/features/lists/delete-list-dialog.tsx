import { useEffect, useRef, useState } from "react";
import type { List } from "#contracts/list.ts";
import { ApiError } from "../../lib/api-client.ts";

interface Props {
  list: List | null;
  /** Tasks in the list as last counted (open and completed). */
  taskCount: number;
  onClose: () => void;
  onDelete: (list: List, tasks?: "move" | "delete") => Promise<void>;
}

/**
 * Confirms deleting a list. A list with tasks asks where they go (Inbox or
 * deleted with it); if the server says it has tasks after all (409, added
 * meanwhile) the choice appears then.
 */
export function DeleteListDialog({ list, taskCount, onClose, onDelete }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [choice, setChoice] = useState<"move" | "delete">("move");
  const [mustChoose, setMustChoose] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (list && !d.open) {
      setChoice("move");
      setMustChoose(false);
      setError(null);
      d.showModal();
    }
    if (!list && d.open) d.close();
  }, [list]);
  const ask = taskCount > 0 || mustChoose;

  async function confirm() {
    if (!list) return;
    setBusy(true);
    setError(null);
    try {
      await onDelete(list, ask ? choice : undefined);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && !ask) {
        setMustChoose(true);
        setError("This list has tasks now. Choose what happens to them.");
      } else setError(err instanceof ApiError ? err.message : "Couldn't delete the list.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="delete-list-title"
      onClose={onClose}
      data-testid="delete-list-dialog"
    >
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        <h2 id="delete-list-title">Delete “{list?.name}”?</h2>
        {ask ? (
          <fieldset className="delete-choice">
            <legend>
              {taskCount > 0 ? `It has ${taskCount} ${taskCount === 1 ? "task" : "tasks"}.` : "It has tasks."} What
              should happen to them?
            </legend>
            <label>
              <input
                type="radio"
                name="tasks"
                value="move"
                checked={choice === "move"}
                onChange={() => setChoice("move")}
                data-testid="delete-move"
              />{" "}
              Move them to the Inbox
            </label>
            <label>
              <input
                type="radio"
                name="tasks"
                value="delete"
                checked={choice === "delete"}
                onChange={() => setChoice("delete")}
                data-testid="delete-tasks"
              />{" "}
              Delete them too
            </label>
          </fieldset>
        ) : (
          <p>The list is empty.</p>
        )}
        {error && (
          <p className="field-error" role="alert" data-testid="delete-list-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-danger" disabled={busy} data-testid="delete-list-confirm">
            Delete list
          </button>
        </div>
      </form>
    </dialog>
  );
}
