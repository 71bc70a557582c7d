/**
 * `/auth-error`: where the OAuth provider sends a browser when a request is too
 * broken to send back to the app (unknown client, unregistered redirect URI).
 * Shows what went wrong in words; never links anywhere but home.
 */
import { Link, useLocation } from "../../lib/router.tsx";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { AuthLayout } from "../auth/auth-layout.tsx";

const MESSAGES: Record<string, string> = {
  invalid_client: "The app that sent you here is not known to Tickler. Try connecting again from the app.",
  invalid_redirect: "The app asked to be answered at an address it never registered, so Tickler stopped.",
  invalid_request: "The app's sign-in request was incomplete or malformed.",
};

export function AuthErrorPage() {
  useDocumentTitle("Can't connect");
  const { search } = useLocation();
  const code = search.get("error") ?? "";
  const description = search.get("error_description");
  return (
    <AuthLayout title="Can't connect this app" subtitle="Nothing was shared with it." footer={<Link href="/">Go to your tasks</Link>}>
      <p className="form-error" role="alert" data-testid="auth-error">
        {MESSAGES[code] ?? "Something went wrong while connecting the app."}
      </p>
      {(code || description) && (
        <p className="muted" data-testid="auth-error-detail">
          {description ?? code}
          {description && code ? ` (${code})` : ""}
        </p>
      )}
    </AuthLayout>
  );
}
