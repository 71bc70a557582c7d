import type { SessionUser } from "../../lib/auth-client.ts";
import { Link, safeNext, useLocation } from "../../lib/router.tsx";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { AuthLayout } from "./auth-layout.tsx";
import { resumeAuthorization, verificationError } from "./verification.ts";

/**
 * Where an emailed verification link lands (after the server verified it and,
 * for a sign-up, signed this browser in): success, or why the link failed.
 */
export function EmailVerifiedPage({ user }: { user: SessionUser | null }) {
  const { search } = useLocation();
  const error = verificationError(search.get("error"));
  const changed = search.has("changed");
  useDocumentTitle(error ? "Link not valid" : "Email verified");

  if (error) {
    return (
      <AuthLayout
        title="This link didn't work"
        subtitle={error}
        footer={
          user ? (
            <Link href="/account">Back to your account</Link>
          ) : (
            <>
              New here? <Link href="/sign-up">Create an account</Link>
            </>
          )
        }
      >
        <div className="form-notice" role="alert" data-testid="verify-error">
          {changed || user ? (
            <p>To change your address, ask for a new link on the account page.</p>
          ) : (
            <p>Sign in with your email and password: we'll email you a new link.</p>
          )}
        </div>
        {!user && (
          <Link className="btn btn-primary btn-block" href="/sign-in" data-testid="verify-sign-in">
            Sign in
          </Link>
        )}
      </AuthLayout>
    );
  }

  const resume = resumeAuthorization(search.get("oauth"));
  const next = safeNext(search.get("next"));
  return (
    <AuthLayout
      title={changed ? "Email address changed" : "Email verified"}
      subtitle={user ? `You're signed in as ${user.email}.` : "Sign in with your new address."}
      footer={null}
    >
      <div className="form-notice" role="status" data-testid="verify-done">
        <p>{changed ? "Your account now uses this address." : "Thanks — your address is confirmed."}</p>
      </div>
      {user && resume ? (
        <a className="btn btn-primary btn-block" href={resume} data-testid="verify-continue">
          Continue connecting the app
        </a>
      ) : user ? (
        <Link className="btn btn-primary btn-block" href={changed ? "/account" : next} data-testid="verify-continue">
          {changed ? "Back to your account" : "Go to your tasks"}
        </Link>
      ) : (
        <Link className="btn btn-primary btn-block" href="/sign-in" data-testid="verify-sign-in">
          Sign in
        </Link>
      )}
    </AuthLayout>
  );
}
