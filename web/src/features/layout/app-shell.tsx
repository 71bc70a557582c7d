import { useState, type ReactNode } from "react";
import type { SessionUser } from "../../lib/auth-client.ts";
import { useShortcuts } from "../../lib/shortcuts.ts";
import { notifyTasksChanged } from "../../lib/tasks-events.ts";
import { useTheme } from "../../lib/theme.ts";
import { AccountMenu } from "./account-menu.tsx";
import { ChatPanel } from "./chat-slot.ts";
import { KeyboardIcon, MoonIcon, SunIcon } from "./icons.tsx";
import { Logo } from "./logo.tsx";
import { ShortcutsDialog } from "./shortcuts-dialog.tsx";

interface Props {
  user: SessionUser;
  onSignOut: () => Promise<void>;
  children: ReactNode;
}

/** Header + main area + (only when the chat feature provides one) a right-hand chat panel. */
export function AppShell({ user, onSignOut, children }: Props) {
  const { choice, resolved, choose } = useTheme();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [chatOpen, setChatOpen] = useState(true);
  useShortcuts({ "?": () => setShortcutsOpen(true) });

  const next = resolved === "dark" ? "light" : "dark";
  return (
    <div className={`shell ${ChatPanel && chatOpen ? "shell-with-chat" : ""}`}>
      <a href="#main" className="skip-link">
        Skip to tasks
      </a>
      <header className="topbar">
        <Logo />
        <div className="topbar-actions">
          {ChatPanel && !chatOpen && (
            <button type="button" className="btn btn-ghost" onClick={() => setChatOpen(true)} data-testid="open-chat">
              Assistant
            </button>
          )}
          <button
            type="button"
            className="icon-btn"
            onClick={() => setShortcutsOpen(true)}
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
          >
            <KeyboardIcon />
          </button>
          <button
            type="button"
            className="icon-btn"
            onClick={() => choose(next)}
            aria-label={`Switch to ${next} theme`}
            title={`Switch to ${next} theme`}
            data-testid="theme-toggle"
          >
            {resolved === "dark" ? <SunIcon /> : <MoonIcon />}
          </button>
          <AccountMenu user={user} theme={choice} onTheme={choose} onShowShortcuts={() => setShortcutsOpen(true)} onSignOut={onSignOut} />
        </div>
      </header>
      <div className="shell-body">
        <main id="main" className="shell-main" tabIndex={-1}>
          {children}
        </main>
        {/* CHAT SLOT: rendered only when features/layout/chat-slot.ts provides a ChatPanel. */}
        {ChatPanel && chatOpen && (
          <aside className="chat-slot" aria-label="Assistant" data-testid="chat-slot">
            <ChatPanel onTasksChanged={notifyTasksChanged} onClose={() => setChatOpen(false)} />
          </aside>
        )}
      </div>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}
