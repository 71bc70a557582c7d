/**
 * `/oauth/consent`: an MCP client asks for access to the signed-in user's tasks.
 * Names the app, where it sends the answer (its redirect host) and what each
 * scope allows. The decision is a POST with the session cookie and the signed
 * query, which Better Auth accepts only from Tickler's own origin (no CSRF).
 */
import { useEffect, useState } from "react";
import { SCOPE_DESCRIPTIONS } from "#contracts/oauth.ts";
import { authClient, followOAuthRedirect, type SessionUser } from "../../lib/auth-client.ts";
import { useLocation } from "../../lib/router.tsx";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { AuthLayout } from "../auth/auth-layout.tsx";
import { FormError } from "../auth/form-error.tsx";
import "../../styles/oauth.css";

function hostOf(uri: string | null): string | null {
  if (!uri) return null;
  try {
    return new URL(uri).host;
  } catch {
    return null;
  }
}

export default function ConsentPage({ user }: { user: SessionUser }) {
  useDocumentTitle("Connect an app");
  const { search } = useLocation();
  const clientId = search.get("client_id") ?? "";
  const scopes = (search.get("scope") ?? "").split(" ").filter(Boolean);
  const redirectHost = hostOf(search.get("redirect_uri"));
  const [name, setName] = useState<string | null>(null);
  const [busy, setBusy] = useState<"allow" | "deny" | null>(null);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    void authClient.$fetch<{ client_name?: string }>("/oauth2/public-client", { query: { client_id: clientId } }).then(({ data }) => {
      if (live) setName(data?.client_name?.trim() || "An unnamed app");
    });
    return () => {
      live = false;
    };
  }, [clientId]);

  async function decide(accept: boolean) {
    setBusy(accept ? "allow" : "deny");
    setError(undefined);
    try {
      const { data, error } = await authClient.$fetch("/oauth2/consent", { method: "POST", body: { accept } });
      if (!error && followOAuthRedirect(data)) return;
      setError("This request has expired or is no longer valid. Start connecting again from the app.");
    } catch {
      setError("Can't reach the server. Check your connection and try again.");
    }
    setBusy(null);
  }

  const app = name ?? "This app";
  return (
    <AuthLayout title="Connect an app" subtitle={`Signed in as ${user.email}`} footer={<>You can disconnect it at any time on your account page.</>}>
      <div className="consent" data-testid="consent">
        <p className="consent-lead">
          <strong data-testid="consent-client">{app}</strong> wants to use your Tickler account.
        </p>
        {redirectHost && (
          <p className="consent-host muted">
            It will get its answer at <code data-testid="consent-redirect-host">{redirectHost}</code>.
          </p>
        )}
        <h2 className="consent-heading">It will be able to:</h2>
        <ul className="consent-scopes" data-testid="consent-scopes">
          {scopes.map((s) => (
            <li key={s} data-scope={s}>
              {SCOPE_DESCRIPTIONS[s] ?? s}
            </li>
          ))}
        </ul>
        <p className="consent-warning muted">Only allow apps you trust with your tasks.</p>
        <FormError message={error} />
        <div className="consent-actions">
          <button type="button" className="btn" disabled={busy !== null} onClick={() => void decide(false)} data-testid="consent-deny">
            {busy === "deny" ? "Denying…" : "Deny"}
          </button>
          <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void decide(true)} data-testid="consent-allow">
            {busy === "allow" ? "Allowing…" : "Allow"}
          </button>
        </div>
      </div>
    </AuthLayout>
  );
}
