import { useRef, useState, type FormEvent } from "react";
import { authClient } from "../../lib/auth-client.ts";
import { Link } from "../../lib/router.tsx";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { describeAuthError, SERVER_DOWN } from "./auth-errors.ts";
import { AuthLayout } from "./auth-layout.tsx";
import { TextField } from "./text-field.tsx";
import { checkEmail } from "./validation.ts";
import { FormError } from "./form-error.tsx";

/** Where the emailed link lands (relative: Better Auth resolves it against its own public URL). */
export const RESET_PAGE_PATH = "/reset-password";

/**
 * Asks for a reset link. The answer is the same whether or not the address has an
 * account, so the page never tells anyone which emails are registered.
 */
export function ForgotPasswordPage() {
  useDocumentTitle("Forgot password");
  const [email, setEmail] = useState("");
  const [error, setError] = useState<{ field: "email" | "form"; message: string } | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);

  async function send(address: string) {
    setBusy(true);
    try {
      const { error: failed } = await authClient.requestPasswordReset({ email: address, redirectTo: RESET_PAGE_PATH });
      if (failed) {
        const f = describeAuthError(failed, "password");
        setError({ field: f.field === "email" ? "email" : "form", message: f.message });
        return;
      }
      setError(null);
      setSentTo(address);
    } catch {
      setError({ field: "form", message: SERVER_DOWN });
    } finally {
      setBusy(false);
    }
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const emailError = checkEmail(email);
    if (emailError) {
      setError({ field: "email", message: emailError });
      emailRef.current?.focus();
      return;
    }
    await send(email.trim());
  }

  const footer = (
    <>
      Remembered it? <Link href="/sign-in" data-testid="to-sign-in">Back to sign in</Link>
    </>
  );

  if (sentTo) {
    return (
      <AuthLayout title="Check your email" subtitle="One more step to a new password." footer={footer}>
        <div className="form-notice" role="status" data-testid="reset-requested">
          <p>
            If an account exists for <strong>{sentTo}</strong>, we've sent it a link to choose a new password.
          </p>
          <p>The link works once, for a limited time. Nothing arrived? Check your spam folder.</p>
        </div>
        {error && (
          <p className="form-error" role="alert" data-testid="form-error">
            {error.message}
          </p>
        )}
        <button type="button" className="btn btn-block" disabled={busy} onClick={() => void send(sentTo)} data-testid="resend">
          {busy ? "Sending…" : "Send the link again"}
        </button>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Forgot your password?" subtitle="Enter your account's email and we'll send you a link to choose a new one." footer={footer}>
      <form className="auth-form" onSubmit={onSubmit} noValidate data-testid="forgot-password-form">
        <FormError message={error?.field === "form" ? error.message : undefined} />
        <TextField
          ref={emailRef}
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={error?.field === "email" ? error.message : undefined}
          data-testid="email"
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="submit">
          {busy ? "Sending…" : "Send reset link"}
        </button>
      </form>
    </AuthLayout>
  );
}
