import { useRef, useState, type FormEvent } from "react";
import { DisplayName, NAME_MAX } from "#contracts/auth.ts";
import { authClient, type SessionUser } from "../../lib/auth-client.ts";
import { LengthCounter } from "../../lib/length-counter.tsx";
import { describeAuthError, SERVER_DOWN } from "../auth/auth-errors.ts";
import { FormError } from "../auth/form-error.tsx";
import { TextField } from "../auth/text-field.tsx";
import { AccountSection } from "./account-section.tsx";

/** Name (editable, same bound as sign-up) and email. */
export function ProfileSection({ user }: { user: SessionUser }) {
  const [editing, setEditing] = useState(false);
  return (
    <AccountSection id="profile" title="Profile">
      {editing ? (
        <NameForm user={user} onDone={() => setEditing(false)} />
      ) : (
        <dl className="profile-list">
          <div>
            <dt>Name</dt>
            <dd>
              <span data-testid="profile-name">{user.name}</span>{" "}
              <button type="button" className="btn btn-ghost btn-small" onClick={() => setEditing(true)} data-testid="profile-edit-name">
                Change name
              </button>
            </dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd data-testid="profile-email">{user.email}</dd>
          </div>
        </dl>
      )}
    </AccountSection>
  );
}

function NameForm({ user, onDone }: { user: SessionUser; onDone: () => void }) {
  const [name, setName] = useState(user.name);
  const [error, setError] = useState<{ field?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = DisplayName.safeParse(name);
    if (!parsed.success) {
      setError({ field: parsed.error.issues[0]?.message });
      return input.current?.focus();
    }
    if (parsed.data === user.name) return onDone();
    setBusy(true);
    try {
      const { error: err } = await authClient.updateUser({ name: parsed.data });
      if (err) {
        const f = describeAuthError(err, "profile");
        setError(f.field === "name" ? { field: f.message } : { form: f.message });
        return;
      }
      onDone();
    } catch {
      setError({ form: SERVER_DOWN });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="account-form"
      onSubmit={onSubmit}
      onKeyDown={(e) => e.key === "Escape" && onDone()}
      noValidate
      data-testid="profile-name-form"
    >
      <FormError message={error.form} testId="profile-name-error" />
      <TextField
        ref={input}
        label="Name"
        name="name"
        autoComplete="name"
        autoFocus
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={error.field}
        hint={<LengthCounter length={name.trim().length} max={NAME_MAX} testId="profile-name-length" />}
        data-testid="profile-name-input"
      />
      <div className="account-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="profile-name-save">
          {busy ? "Saving…" : "Save name"}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
