import { useState } from "react";
import { authClient } from "../../lib/auth-client.ts";
import { Link, navigate } from "../../lib/router.tsx";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { describeAuthError, SERVER_DOWN } from "./auth-errors.ts";
import { AuthLayout } from "./auth-layout.tsx";

export const CHECK_EMAIL_PATH = "/check-email";

/**
 * The sign-up this tab just sent. Kept outside React: the session re-check
 * after sign-up remounts the pages. A reload forgets it (the page then speaks
 * without the address).
 */
let last: { address: string; callbackURL: string; signInHref: string } | null = null;

export function showCheckEmail(sent: NonNullable<typeof last>): void {
  last = sent;
  navigate(CHECK_EMAIL_PATH, { replace: true });
}

/**
 * After sign-up: the same words whether the address was new or already had an
 * account (its owner got a note instead of a link), so the page tells no one which.
 */
export function CheckEmailPage() {
  useDocumentTitle("Check your email");
  const sent = last;
  const [state, setState] = useState<{ busy: boolean; sent: boolean; error: string | null }>({
    busy: false,
    sent: false,
    error: null,
  });

  async function resend() {
    if (!sent) return;
    const { address, callbackURL } = sent;
    setState({ busy: true, sent: false, error: null });
    try {
      const { error } = await authClient.sendVerificationEmail({ email: address, callbackURL });
      setState({ busy: false, sent: !error, error: error ? describeAuthError(error, "sign-up").message : null });
    } catch {
      setState({ busy: false, sent: false, error: SERVER_DOWN });
    }
  }

  return (
    <AuthLayout
      title="Check your email to continue"
      subtitle="One more step to your account."
      footer={
        <>
          Opened the link already?{" "}
          <Link href={sent?.signInHref ?? "/sign-in"} data-testid="to-sign-in">
            Sign in
          </Link>
        </>
      }
    >
      <div className="form-notice" role="status" data-testid="check-email">
        <p>
          We've sent a message to {sent ? <strong>{sent.address}</strong> : "the address you signed up with"}. Open the
          link in it to verify your address and sign in.
        </p>
        <p>Nothing arrived? Check your spam folder{sent ? ", or send it again" : ""}.</p>
        {state.sent && <p data-testid="resent">Sent again.</p>}
      </div>
      {state.error && (
        <p className="form-error" role="alert" data-testid="form-error">
          {state.error}
        </p>
      )}
      {sent && (
        <button
          type="button"
          className="btn btn-block"
          disabled={state.busy}
          onClick={() => void resend()}
          data-testid="resend"
        >
          {state.busy ? "Sending…" : "Send the link again"}
        </button>
      )}
    </AuthLayout>
  );
}
