/**
 * "Connected apps": the MCP clients (Claude Code, Cursor, …) the user let into
 * their tasks by OAuth, with what each may do, when it last got a token, and a
 * Revoke button that ends its access at once (decision 007).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { SCOPE_DESCRIPTIONS, type ConnectedApp } from "#contracts/oauth.ts";
import { api } from "../../lib/api.ts";
import { ApiError } from "../../lib/api-client.ts";
import { endpoints } from "../../lib/endpoints.ts";
import { AccountSection } from "./account-section.tsx";
import { formatDateTime, isoDate } from "./format-date.ts";

type State = { status: "loading" | "ready" | "error"; apps?: ConnectedApp[]; message?: string };

const describeScopes = (scopes: string[]) =>
  scopes
    .filter((s) => s !== "offline_access")
    .map((s) => SCOPE_DESCRIPTIONS[s] ?? s)
    .join(" · ");

export function ConnectedAppsSection() {
  const [state, setState] = useState<State>({ status: "loading" });
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    setState((s) => ({ ...s, status: "loading" }));
    try {
      const { apps } = await api(endpoints.connectedApps);
      setState({ status: "ready", apps });
    } catch (err) {
      setState((s) => ({ ...s, status: "error", message: err instanceof ApiError ? err.message : "Couldn't load your connected apps." }));
    }
  }, []);
  useEffect(() => void load(), [load]);

  async function revoke(app: ConnectedApp) {
    setBusy(app.client_id);
    setStatus(null);
    try {
      await api(endpoints.revokeConnectedApp, { params: { client_id: app.client_id } });
      setState((s) => ({ ...s, apps: s.apps?.filter((a) => a.client_id !== app.client_id) }));
      setStatus({ tone: "info", text: `${app.name} can no longer reach your tasks.` });
      heading.current?.focus();
    } catch (err) {
      setStatus({ tone: "error", text: err instanceof ApiError ? err.message : "Couldn't revoke it. Try again." });
    } finally {
      setBusy(null);
    }
  }

  const apps = state.apps ?? [];
  return (
    <AccountSection id="connected-apps" title="Connected apps" intro="Apps such as Claude Code or Cursor that you let use your tasks through MCP." headingRef={heading}>
      {state.status === "error" && (
        <div className="form-error section-error" role="alert">
          <span>{state.message}</span>
          <button type="button" className="btn btn-small" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {state.status === "loading" && !state.apps && (
        <p className="muted" role="status">
          Loading connected apps…
        </p>
      )}
      {state.status === "ready" && apps.length === 0 && (
        <p className="muted" data-testid="no-connected-apps">
          No apps are connected.
        </p>
      )}
      {apps.length > 0 && (
        <ul className="session-list" data-testid="connected-app-list">
          {apps.map((app) => (
            <li key={app.client_id} className="session-row" data-testid="connected-app">
              <div className="session-info">
                <p className="session-device">
                  <span data-testid="connected-app-name">{app.name}</span>
                </p>
                <p className="session-meta">
                  {app.redirect_host && <span>via {app.redirect_host}</span>}
                  <span>{describeScopes(app.scopes)}</span>
                  <span>
                    Last used{" "}
                    {app.last_used_at ? <time dateTime={isoDate(app.last_used_at)}>{formatDateTime(app.last_used_at)}</time> : "never"}
                  </span>
                </p>
              </div>
              <button
                type="button"
                className="btn btn-small btn-danger-ghost"
                disabled={busy !== null}
                onClick={() => void revoke(app)}
                aria-label={`Revoke ${app.name}`}
                data-testid="revoke-app"
              >
                {busy === app.client_id ? "Revoking…" : "Revoke"}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className={`form-status${status?.tone === "error" ? " form-status-error" : ""}`} role="status" data-testid="connected-apps-status">
        {status?.text ?? ""}
      </p>
    </AccountSection>
  );
}
