import { useState } from "react";
import { authClient } from "../../lib/auth-client.ts";
import { Link } from "../../lib/router.tsx";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { describeAuthError, SERVER_DOWN } from "./auth-errors.ts";
import { AuthLayout } from "./auth-layout.tsx";

/**
 * After sign-up: the same words whether the address was new or already had an
 * account (its owner got a note instead of a link), so the page tells no one which.
 */
export function CheckEmail({ address, callbackURL, signInHref }: { address: string; callbackURL: string; signInHref: string }) {
  useDocumentTitle("Check your email");
  const [state, setState] = useState<{ busy: boolean; sent: boolean; error: string | null }>({ busy: false, sent: false, error: null });

  async function resend() {
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
          Opened the link already? <Link href={signInHref} data-testid="to-sign-in">Sign in</Link>
        </>
      }
    >
      <div className="form-notice" role="status" data-testid="check-email">
        <p>
          We've sent a message to <strong>{address}</strong>. Open the link in it to verify your address and sign in.
        </p>
        <p>Nothing arrived? Check your spam folder, or send it again.</p>
        {state.sent && <p data-testid="resent">Sent again.</p>}
      </div>
      {state.error && (
        <p className="form-error" role="alert" data-testid="form-error">
          {state.error}
        </p>
      )}
      <button type="button" className="btn btn-block" disabled={state.busy} onClick={() => void resend()} data-testid="resend">
        {state.busy ? "Sending…" : "Send the link again"}
      </button>
    </AuthLayout>
  );
}
