import { useEffect, useRef, useState } from "react";
import type { SessionUser } from "../../lib/auth-client.ts";
import { Link } from "../../lib/router.tsx";
import type { ThemeChoice } from "../../lib/theme.ts";

interface Props {
  user: SessionUser;
  theme: ThemeChoice;
  onTheme: (t: ThemeChoice) => void;
  onShowShortcuts: () => void;
  onSignOut: () => Promise<void>;
}

function initials(name: string, email: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length ? parts.slice(0, 2).map((p) => p[0]) : [email[0]];
  return letters.join("").toUpperCase();
}

/** Disclosure-style account popover: who is signed in, account settings, theme choice, sign out. */
export function AccountMenu({ user, theme, onTheme, onShowShortcuts, onSignOut }: Props) {
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div className="account" ref={root}>
      <button
        ref={button}
        type="button"
        className="account-button"
        aria-expanded={open}
        aria-controls="account-panel"
        title={`Account: ${user.name}`}
        onClick={() => setOpen((o) => !o)}
        data-testid="account-button"
      >
        <span className="avatar" aria-hidden="true">
          {initials(user.name, user.email)}
        </span>
        <span className="account-name">{user.name}</span>
      </button>
      {open && (
        <div id="account-panel" className="account-panel" data-testid="account-panel">
          <div className="account-who">
            <strong data-testid="account-name">{user.name}</strong>
            <span className="muted" data-testid="account-email">
              {user.email}
            </span>
          </div>
          <fieldset className="theme-choice">
            <legend>Theme</legend>
            {/* A legend is never a flex item: the options wrap inside their own row. */}
            <div className="theme-options">
              {(["system", "light", "dark"] as const).map((t) => (
                <label key={t} data-testid={`theme-${t}`}>
                  <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => onTheme(t)} />
                  {t === "system" ? "System" : t === "light" ? "Light" : "Dark"}
                </label>
              ))}
            </div>
          </fieldset>
          <Link href="/account" className="menu-item" onClick={() => setOpen(false)} data-testid="account-settings">
            Account settings
          </Link>
          <button
            type="button"
            className="menu-item"
            onClick={() => {
              setOpen(false);
              onShowShortcuts();
            }}
          >
            Keyboard shortcuts <kbd>?</kbd>
          </button>
          <button
            type="button"
            className="menu-item menu-item-danger"
            disabled={signingOut}
            onClick={async () => {
              setSigningOut(true);
              try {
                await onSignOut();
              } finally {
                setSigningOut(false);
              }
            }}
            data-testid="sign-out"
          >
            {signingOut ? "Signing out…" : "Sign out"}
          </button>
        </div>
      )}
    </div>
  );
}
