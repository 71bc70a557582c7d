import { useRef, useState } from "react";
import { AccountSection } from "./account-section.tsx";
import { describeDevice } from "./describe-device.ts";
import { formatDateTime, isoDate } from "./format-date.ts";
import { useSessions, type DeviceSession } from "./use-sessions.ts";

interface Props {
  currentSessionId: string | null;
  /** Changes when the sessions may have changed elsewhere on the page (password changed). */
  reloadKey: unknown;
  /** Signing this device's session out is an ordinary sign-out. */
  onSignOut: () => Promise<void>;
}

/** Where the account is signed in, with a way to sign any of those out. */
export function SessionsSection({ currentSessionId, reloadKey, onSignOut }: Props) {
  const { state, reload, revoke } = useSessions(currentSessionId, reloadKey);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const sessions = state.sessions ?? [];
  const others = sessions.filter((s) => s.id !== currentSessionId).length;

  async function run(key: string, action: () => Promise<string | null>, done: string) {
    setBusy(key);
    setMessage(null);
    const error = await action();
    setBusy(null);
    setMessage(error ? { tone: "error", text: error } : { tone: "info", text: done });
    // The row whose button had focus is gone: keep keyboard users in this section.
    if (!error) heading.current?.focus();
  }

  async function signOutHere() {
    setBusy("current");
    try {
      await onSignOut();
    } finally {
      setBusy(null);
    }
  }

  return (
    <AccountSection id="sessions" title="Where you're signed in" intro="Sign out any device you don't recognise or no longer use." headingRef={heading}>
      {state.status === "error" && (
        <div className="form-error section-error" role="alert" data-testid="sessions-error">
          <span>{state.message}</span>
          <button type="button" className="btn btn-small" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      )}
      {state.status === "loading" && !state.sessions && (
        <p className="muted" role="status">
          Loading sessions…
        </p>
      )}
      {sessions.length > 0 && (
        <ul className="session-list" aria-busy={state.status === "loading" || undefined} data-testid="session-list">
          {sessions.map((s) => (
            <SessionRow
              key={s.id}
              session={s}
              current={s.id === currentSessionId}
              busy={busy !== null}
              onRevoke={
                s.id === currentSessionId
                  ? signOutHere
                  : () => run(s.id, () => revoke({ token: s.token }), `Signed out ${describeDevice(s.userAgent)}.`)
              }
            />
          ))}
        </ul>
      )}
      {others > 0 && (
        <div className="account-actions">
          <button
            type="button"
            className="btn"
            disabled={busy !== null}
            onClick={() => void run("others", () => revoke("others"), "Signed out every other device.")}
            data-testid="revoke-others"
          >
            {busy === "others" ? "Signing out…" : "Sign out all other devices"}
          </button>
        </div>
      )}
      <p className={`form-status${message?.tone === "error" ? " form-status-error" : ""}`} role="status" data-testid="sessions-status">
        {message?.text ?? ""}
      </p>
    </AccountSection>
  );
}

function SessionRow({ session, current, busy, onRevoke }: { session: DeviceSession; current: boolean; busy: boolean; onRevoke: () => void }) {
  const device = describeDevice(session.userAgent);
  return (
    <li className="session-row" data-testid="session-row" data-current={current || undefined}>
      <div className="session-info">
        <p className="session-device">
          <span title={session.userAgent ?? undefined}>{device}</span>
          {current && (
            <span className="badge-current" data-testid="this-device">
              This device
            </span>
          )}
        </p>
        <p className="session-meta">
          {session.ipAddress && <span>IP {session.ipAddress}</span>}
          <span>
            Signed in <time dateTime={isoDate(session.createdAt)}>{formatDateTime(session.createdAt)}</time>
          </span>
          <span>
            Last active <time dateTime={isoDate(session.updatedAt)}>{formatDateTime(session.updatedAt)}</time>
          </span>
        </p>
      </div>
      <button
        type="button"
        className={current ? "btn btn-small" : "btn btn-small btn-danger-ghost"}
        disabled={busy}
        onClick={onRevoke}
        aria-label={current ? "Sign out of this device" : `Revoke the session of ${device}, signed in ${formatDateTime(session.createdAt)}`}
        data-testid={current ? "sign-out-here" : "revoke-session"}
      >
        {current ? "Sign out" : "Revoke"}
      </button>
    </li>
  );
}
