import { useEffect, useRef, useState, type FormEvent } from "react";
import { authClient } from "../../lib/auth-client.ts";
import { describeAuthError, SERVER_DOWN } from "../auth/auth-errors.ts";
import { TextField } from "../auth/text-field.tsx";
import { AccountSection } from "./account-section.tsx";

/**
 * Danger zone: deleting the account needs the password, in a confirmation dialog.
 * The server removes every task and conversation, then the user and their sessions.
 */
export function DeleteAccountSection({ onDeleted }: { onDeleted: () => void }) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <AccountSection
      id="delete"
      title="Delete account"
      danger
      intro="Permanently delete your account with all of your tasks and assistant conversations. This can't be undone: download your data first if you want to keep it."
    >
      <div className="account-actions">
        <button ref={opener} type="button" className="btn btn-danger" onClick={() => setOpen(true)} data-testid="delete-account">
          Delete my account…
        </button>
      </div>
      <DeleteAccountDialog
        open={open}
        onClose={() => {
          setOpen(false);
          opener.current?.focus();
        }}
        onDeleted={onDeleted}
      />
    </AccountSection>
  );
}

function DeleteAccountDialog({ open, onClose, onDeleted }: { open: boolean; onClose: () => void; onDeleted: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<{ field: "password" | "form"; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      setPassword("");
      setError(null);
      d.showModal();
      passwordRef.current?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!password) {
      setError({ field: "password", message: "Enter your password to confirm." });
      return passwordRef.current?.focus();
    }
    setBusy(true);
    try {
      const { error: failed } = await authClient.deleteUser({ password });
      if (failed) {
        const f = describeAuthError(failed, "password");
        setError({ field: f.field === "password" ? "password" : "form", message: f.message });
        passwordRef.current?.select();
        return;
      }
      onDeleted();
    } catch {
      setError({ field: "form", message: SERVER_DOWN });
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="delete-account-title"
      aria-describedby="delete-account-warning"
      onClose={onClose}
      data-testid="delete-account-dialog"
    >
      <form className="dialog-body" onSubmit={onSubmit} noValidate>
        <h2 id="delete-account-title">Delete your account?</h2>
        <p id="delete-account-warning" className="danger-warning">
          Your account, tasks and conversations will be deleted for good, and every device will be signed out.
        </p>
        {error?.field === "form" && (
          <p className="form-error" role="alert" data-testid="delete-account-error">
            {error.message}
          </p>
        )}
        <TextField
          ref={passwordRef}
          label="Your password"
          name="delete-password"
          type="password"
          autoComplete="current-password"
          revealable
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error?.field === "password" ? error.message : undefined}
          data-testid="delete-password"
        />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn-danger" disabled={busy} data-testid="confirm-delete">
            {busy ? "Deleting…" : "Delete account"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
