import { useRef, useState, type FormEvent } from "react";
import { authClient } from "../../lib/auth-client.ts";
import { describeAuthError, SERVER_DOWN } from "../auth/auth-errors.ts";
import { PasswordRule } from "../auth/password-rule.tsx";
import { TextField } from "../auth/text-field.tsx";
import { checkNewPassword } from "../auth/use-password-check.ts";
import type { PasswordContext } from "#contracts/auth.ts";
import { AccountSection } from "./account-section.tsx";
import { FormError } from "../auth/form-error.tsx";

type Field = "current" | "next" | "form";

/** Current + new password. The server always signs out every other session when the password changes. */
export function ChangePasswordSection({ user, onChanged }: { user: PasswordContext; onChanged: () => void }) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const refs = { current: useRef<HTMLInputElement>(null), next: useRef<HTMLInputElement>(null) };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const found: Partial<Record<Field, string>> = {};
    if (!current) found.current = "Enter your current password.";
    const p = await checkNewPassword(next, user);
    if (p) found.next = p;
    else if (next === current) found.next = "Choose a password different from the current one.";
    setErrors(found);
    const first = (["current", "next"] as const).find((f) => found[f]);
    if (first) return refs[first].current?.focus();

    setBusy(true);
    try {
      const { error } = await authClient.changePassword({ currentPassword: current, newPassword: next, revokeOtherSessions: true });
      if (error) {
        const f = describeAuthError(error, "password");
        // INVALID_PASSWORD is about the current password; length rules about the new one.
        const field: Field = error.code === "INVALID_PASSWORD" ? "current" : f.field === "password" ? "next" : "form";
        setErrors({ [field]: f.message });
        if (field !== "form") refs[field].current?.select();
        return;
      }
      setCurrent("");
      setNext("");
      setDone(true);
      onChanged();
    } catch {
      setErrors({ form: SERVER_DOWN });
    } finally {
      setBusy(false);
    }
  }

  return (
    <AccountSection id="password" title="Change password" intro="Changing your password signs you out on every other device. This one stays signed in.">
      <form className="account-form" onSubmit={onSubmit} noValidate data-testid="change-password-form">
        <FormError message={errors.form} testId="change-password-error" />
        <TextField
          ref={refs.current}
          label="Current password"
          name="current-password"
          type="password"
          autoComplete="current-password"
          revealable
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={errors.current}
          data-testid="current-password"
        />
        <TextField
          ref={refs.next}
          label="New password"
          name="new-password"
          type="password"
          autoComplete="new-password"
          revealable
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={errors.next}
          hint={<PasswordRule password={next} context={user} />}
          data-testid="new-password"
        />
        <div className="account-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="change-password-submit">
            {busy ? "Changing…" : "Change password"}
          </button>
        </div>
        <p className="form-status" role="status" data-testid="change-password-done">
          {done ? "Password changed. Every other device has been signed out." : ""}
        </p>
      </form>
    </AccountSection>
  );
}
