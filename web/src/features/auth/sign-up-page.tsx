import { useRef, useState, type FormEvent } from "react";
import { authClient, followOAuthRedirect, inOAuthFlow } from "../../lib/auth-client.ts";
import { Link, useLocation } from "../../lib/router.tsx";
import { tokens } from "../../lib/token.ts";
import { describeAuthError, SERVER_DOWN, type AuthFailure } from "./auth-errors.ts";
import { AuthLayout } from "./auth-layout.tsx";
import { TextField } from "./text-field.tsx";
import { PasswordRule } from "./password-rule.tsx";
import { checkEmail, checkName } from "./validation.ts";
import { checkNewPassword } from "./use-password-check.ts";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { FormError } from "./form-error.tsx";
import { showCheckEmail } from "./check-email.tsx";
import { signUpCallback } from "./verification.ts";

type Field = AuthFailure["field"];

/**
 * Create an account. The server answers alike whether the address is new or
 * taken (decision 021), so the page always says "check your email"; the link
 * signs in. A server without verification signs in at once, and the gate moves on.
 */
export function SignUpPage() {
  useDocumentTitle("Create account");
  const { search } = useLocation();
  const next = search.get("next");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const refs = {
    name: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const n = checkName(name);
    const m = checkEmail(email);
    const p = await checkNewPassword(password, { email, name });
    if (n) found.name = n;
    if (m) found.email = m;
    if (p) found.password = p;
    setErrors(found);
    const first = (["name", "email", "password"] as const).find((f) => found[f]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    setBusy(true);
    try {
      tokens.clear();
      const address = email.trim();
      const callbackURL = signUpCallback(inOAuthFlow(search) ? search : null, next);
      const { data, error } = await authClient.signUp.email({ name: name.trim(), email: address, password, callbackURL });
      if (!error && followOAuthRedirect(data)) return;
      if (!error && !data?.token) return showCheckEmail({ address, callbackURL, signInHref });
      if (error) {
        const f = describeAuthError(error, "sign-up");
        setErrors({ [f.field]: f.message });
        if (f.field !== "form") refs[f.field].current?.focus();
      }
    } catch {
      setErrors({ form: SERVER_DOWN });
    } finally {
      setBusy(false);
    }
  }

  const signInHref = inOAuthFlow(search) ? `/sign-in?${search}` : next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in";
  return (
    <AuthLayout
      title="Create your account"
      subtitle="Tasks, due dates and an assistant that knows them."
      footer={
        <>
          Already have an account? <Link href={signInHref} data-testid="to-sign-in">Sign in</Link>
        </>
      }
    >
      <form className="auth-form" onSubmit={onSubmit} noValidate data-testid="sign-up-form">
        <FormError message={errors.form} />
        <TextField
          ref={refs.name}
          label="Name"
          name="name"
          autoComplete="name"
          autoFocus
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          data-testid="name"
        />
        <TextField
          ref={refs.email}
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={
            errors.email && errors.email.startsWith("An account") ? (
              <>
                {errors.email} <Link href={signInHref}>Sign in instead</Link>
              </>
            ) : (
              errors.email
            )
          }
          data-testid="email"
        />
        <TextField
          ref={refs.password}
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          revealable
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          data-testid="password"
          hint={<PasswordRule password={password} context={{ email, name }} />}
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="submit">
          {busy ? "Creating account…" : "Create account"}
        </button>
      </form>
    </AuthLayout>
  );
}
