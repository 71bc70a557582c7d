import { useRef, useState, type FormEvent } from "react";
import { DisplayName, EMAIL_MAX, NAME_MAX } from "#contracts/auth.ts";
import { authClient, type SessionUser } from "../../lib/auth-client.ts";
import { LengthCounter } from "../../lib/length-counter.tsx";
import { describeAuthError, SERVER_DOWN } from "../auth/auth-errors.ts";
import { FormError } from "../auth/form-error.tsx";
import { TextField } from "../auth/text-field.tsx";
import { checkEmail } from "../auth/validation.ts";
import { CHANGE_CALLBACK } from "../auth/verification.ts";
import { AccountSection } from "./account-section.tsx";

/** Name (editable, same bound as sign-up) and email (changed once the new address is verified). */
export function ProfileSection({ user }: { user: SessionUser }) {
  const [editing, setEditing] = useState<"name" | "email" | null>(null);
  const [pendingEmail, setPendingEmail] = useState<string | null>(null);
  return (
    <AccountSection id="profile" title="Profile">
      {pendingEmail && editing === null && (
        <p className="form-notice" role="status" data-testid="email-change-sent">
          We've sent a link to <strong>{pendingEmail}</strong>. Your address changes when you open it; until then it stays{" "}
          {user.email}.
        </p>
      )}
      {editing === "name" ? (
        <NameForm user={user} onDone={() => setEditing(null)} />
      ) : editing === "email" ? (
        <EmailForm
          user={user}
          onDone={(sentTo) => {
            setEditing(null);
            if (sentTo) setPendingEmail(sentTo);
          }}
        />
      ) : (
        <dl className="profile-list">
          <div>
            <dt>Name</dt>
            <dd>
              <span data-testid="profile-name">{user.name}</span>{" "}
              <button type="button" className="btn btn-ghost btn-small" onClick={() => setEditing("name")} data-testid="profile-edit-name">
                Change name
              </button>
            </dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>
              <span data-testid="profile-email">{user.email}</span>{" "}
              <button type="button" className="btn btn-ghost btn-small" onClick={() => setEditing("email")} data-testid="profile-edit-email">
                Change email
              </button>
            </dd>
          </div>
        </dl>
      )}
    </AccountSection>
  );
}

type FieldErrors = { field?: string; form?: string };

/** Sends one profile change; a refusal about `field` shows under it, any other above the form. True when it went through. */
async function sendChange(
  send: () => Promise<{ error: Parameters<typeof describeAuthError>[0] | null }>,
  field: "name" | "email",
  setError: (e: FieldErrors) => void,
  setBusy: (busy: boolean) => void,
): Promise<boolean> {
  setBusy(true);
  try {
    const { error } = await send();
    if (!error) return true;
    const f = describeAuthError(error, "profile");
    setError(f.field === field ? { field: f.message } : { form: f.message });
    return false;
  } catch {
    setError({ form: SERVER_DOWN });
    return false;
  } finally {
    setBusy(false);
  }
}

function NameForm({ user, onDone }: { user: SessionUser; onDone: () => void }) {
  const [name, setName] = useState(user.name);
  const [error, setError] = useState<FieldErrors>({});
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
    if (await sendChange(() => authClient.updateUser({ name: parsed.data }), "name", setError, setBusy)) onDone();
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

/** Asks for a link at the new address; the server changes the address when it is opened. */
function EmailForm({ user, onDone }: { user: SessionUser; onDone: (sentTo: string | null) => void }) {
  const [email, setEmail] = useState("");
  const [error, setError] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const address = email.trim();
    const problem = checkEmail(address) ?? (address.toLowerCase() === user.email.toLowerCase() ? "That's your current address." : null);
    if (problem) {
      setError({ field: problem });
      return input.current?.focus();
    }
    if (await sendChange(() => authClient.changeEmail({ newEmail: address, callbackURL: CHANGE_CALLBACK }), "email", setError, setBusy)) onDone(address);
  }

  return (
    <form
      className="account-form"
      onSubmit={onSubmit}
      onKeyDown={(e) => e.key === "Escape" && onDone(null)}
      noValidate
      data-testid="profile-email-form"
    >
      <FormError message={error.form} testId="profile-email-error" />
      <TextField
        ref={input}
        label="New email"
        name="email"
        type="email"
        autoComplete="email"
        autoFocus
        maxLength={EMAIL_MAX}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={error.field}
        hint={<>We'll send a link to the new address; your address changes when you open it.</>}
        data-testid="profile-email-input"
      />
      <div className="account-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="profile-email-save">
          {busy ? "Sending…" : "Send link"}
        </button>
        <button type="button" className="btn" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
