import { useRef, useState, type FormEvent } from "react";
import { authClient, followOAuthRedirect, inOAuthFlow } from "../../lib/auth-client.ts";
import { Link, useLocation } from "../../lib/router.tsx";
import { tokens } from "../../lib/token.ts";
import { describeAuthError, SERVER_DOWN, type AuthFailure } from "./auth-errors.ts";
import { AuthLayout } from "./auth-layout.tsx";
import { noticeMessage } from "./sign-in-notice.ts";
import { TextField } from "./text-field.tsx";
import { checkEmail } from "./validation.ts";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { FormError } from "./form-error.tsx";

/** Sign in with email and password. The auth gate redirects to `?next=` once the session exists. */
export function SignInPage() {
  useDocumentTitle("Sign in");
  const { search } = useLocation();
  const next = search.get("next");
  const notice = noticeMessage(search.get("notice"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Partial<Record<AuthFailure["field"], string>>>({});
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const emailError = checkEmail(email);
    const passwordError = password ? null : "Enter your password.";
    if (emailError || passwordError) {
      setErrors({ email: emailError ?? undefined, password: passwordError ?? undefined });
      (emailError ? emailRef : passwordRef).current?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      tokens.clear();
      const { data, error } = await authClient.signIn.email({ email: email.trim(), password });
      if (!error && followOAuthRedirect(data)) return;
      if (error) {
        const f = describeAuthError(error, "sign-in");
        setErrors({ [f.field]: f.message });
        if (f.field === "form") passwordRef.current?.select();
      }
    } catch {
      setErrors({ form: SERVER_DOWN });
    } finally {
      setBusy(false);
    }
  }

  // An MCP client's sign-in keeps its signed query through sign-up.
  const oauth = inOAuthFlow(search);
  const signUpHref = oauth ? `/sign-up?${search}` : next ? `/sign-up?next=${encodeURIComponent(next)}` : "/sign-up";
  return (
    <AuthLayout
      title="Welcome back"
      subtitle={oauth ? "Sign in to connect an app to your tasks." : "Sign in to see your tasks."}
      footer={
        <>
          New to Tickler? <Link href={signUpHref} data-testid="to-sign-up">Create an account</Link>
        </>
      }
    >
      <form className="auth-form" onSubmit={onSubmit} noValidate data-testid="sign-in-form">
        {notice && !errors.form && (
          <p className="form-notice" role="status" data-testid="sign-in-notice">
            {notice}
          </p>
        )}
        <FormError message={errors.form} />
        <TextField
          ref={emailRef}
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
          data-testid="email"
        />
        <TextField
          ref={passwordRef}
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          revealable
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          data-testid="password"
        />
        <p className="field-aside">
          <Link href="/forgot-password" data-testid="forgot-password">
            Forgot your password?
          </Link>
        </p>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="submit">
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </AuthLayout>
  );
}
