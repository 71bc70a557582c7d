import { useRef, useState, type FormEvent } from "react";
import { authClient } from "../../lib/auth-client.ts";
import { Link, useLocation } from "../../lib/router.tsx";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { describeAuthError, isInvalidResetToken, SERVER_DOWN } from "./auth-errors.ts";
import { AuthLayout } from "./auth-layout.tsx";
import { PasswordRule } from "./password-rule.tsx";
import { TextField } from "./text-field.tsx";
import { checkNewPassword } from "./use-password-check.ts";
import { FormError } from "./form-error.tsx";

type Field = "password" | "confirm" | "form";

/**
 * `/reset-password?token=…`, where the emailed link lands (Better Auth's
 * `/api/auth/reset-password/<token>` redirects here, or with `?error=INVALID_TOKEN`
 * when the token is already used or expired). A reset ends every session.
 */
export function ResetPasswordPage({ onReset }: { onReset: () => void }) {
  useDocumentTitle("Choose a new password");
  const { search } = useLocation();
  const token = search.get("token");
  const [invalid, setInvalid] = useState(!token || search.has("error"));
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const refs = { password: useRef<HTMLInputElement>(null), confirm: useRef<HTMLInputElement>(null) };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const p = await checkNewPassword(password, {});
    if (p) found.password = p;
    else if (confirm !== password) found.confirm = confirm ? "The passwords don't match." : "Enter the new password again.";
    setErrors(found);
    if (found.password || found.confirm) {
      refs[found.password ? "password" : "confirm"].current?.focus();
      return;
    }
    if (!token) return;
    setBusy(true);
    try {
      const { error } = await authClient.resetPassword({ newPassword: password, token });
      if (!error) return onReset();
      if (isInvalidResetToken(error)) return setInvalid(true);
      const f = describeAuthError(error, "password");
      setErrors({ [f.field === "password" ? "password" : "form"]: f.message });
    } catch {
      setErrors({ form: SERVER_DOWN });
    } finally {
      setBusy(false);
    }
  }

  const footer = (
    <>
      <Link href="/sign-in" data-testid="to-sign-in">Back to sign in</Link>
    </>
  );

  if (invalid) {
    return (
      <AuthLayout title="This link has expired" subtitle="Reset links work once and only for a limited time." footer={footer}>
        <p className="form-error" role="alert" data-testid="reset-link-invalid">
          This password reset link is no longer valid: it was already used, it expired, or it was copied incompletely.
        </p>
        <Link href="/forgot-password" className="btn btn-primary btn-block" data-testid="request-new-link">
          Request a new link
        </Link>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Choose a new password" subtitle="You'll be signed out everywhere, then sign in with the new password." footer={footer}>
      <form className="auth-form" onSubmit={onSubmit} noValidate data-testid="reset-password-form">
        <FormError message={errors.form} />
        <TextField
          ref={refs.password}
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          autoFocus
          revealable
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          hint={<PasswordRule password={password} context={{}} />}
          data-testid="password"
        />
        <TextField
          ref={refs.confirm}
          label="Confirm new password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          revealable
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={errors.confirm}
          data-testid="confirm"
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="submit">
          {busy ? "Saving…" : "Set new password"}
        </button>
      </form>
    </AuthLayout>
  );
}
