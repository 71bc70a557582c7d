import { useEffect, useRef, useState, type ReactNode } from "react";
import type { SessionUser } from "../../lib/auth-client.ts";
import { useLocation } from "../../lib/router.tsx";
import { adoptBrowserTimeZone } from "../../lib/settings-api.ts";
import { useShortcuts } from "../../lib/shortcuts.ts";
import { notifyTasksChanged } from "../../lib/tasks-events.ts";
import { useTheme } from "../../lib/theme.ts";
import { useToast } from "../../lib/toast.tsx";
import { AccountMenu } from "./account-menu.tsx";
import { ChatPanel, preloadChat } from "./chat-slot.ts";
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
  const [chatOpen, setChatOpenState] = useState(initialChatOpen);
  const chatOpenedByUser = useRef(false);
  const openChatButton = useRef<HTMLButtonElement>(null);
  const setChatOpen = (open: boolean) => {
    chatOpenedByUser.current = open;
    setChatOpenState(open);
    rememberChatOpen(open);
  };
  useEffect(() => void adoptBrowserTimeZone(), []);
  // Closing the panel hands focus back to the button that opens it.
  const wasOpen = useRef(chatOpen);
  useEffect(() => {
    if (wasOpen.current && !chatOpen) openChatButton.current?.focus();
    wasOpen.current = chatOpen;
  }, [chatOpen]);
  // The /chat page shows the assistant itself: no side panel there.
  const onChatPage = useLocation().pathname === "/chat";
  const showChat = Boolean(ChatPanel) && chatOpen && !onChatPage;
  const toast = useToast();
  useShortcuts({ "?": () => setShortcutsOpen(true), "Mod+z": () => toast.undoLast() });

  const next = resolved === "dark" ? "light" : "dark";
  return (
    <div className={`shell ${showChat ? "shell-with-chat" : ""}`}>
      <a href="#main" className="skip-link">
        Skip to tasks
      </a>
      <header className="topbar">
        <Logo />
        <div className="topbar-actions">
          {ChatPanel && !chatOpen && !onChatPage && (
            <button
              ref={openChatButton}
              type="button"
              className="btn btn-ghost"
              onClick={() => setChatOpen(true)}
              onPointerEnter={preloadChat}
              onFocus={preloadChat}
              data-testid="open-chat"
            >
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
        {ChatPanel && showChat && (
          <aside className="chat-slot" aria-label="Assistant" data-testid="chat-slot">
            <ChatPanel onTasksChanged={notifyTasksChanged} onClose={() => setChatOpen(false)} autoFocus={chatOpenedByUser.current} />
          </aside>
        )}
      </div>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}

const CHAT_OPEN_KEY = "tickler.chat.open";

/** The panel starts as the user left it; by default open beside the page, closed on phones (where it covers it). */
function initialChatOpen(): boolean {
  try {
    const saved = localStorage.getItem(CHAT_OPEN_KEY);
    if (saved !== null) return saved === "1" && !window.matchMedia("(max-width: 900px)").matches;
  } catch {
    /* storage unavailable */
  }
  return !window.matchMedia("(max-width: 900px)").matches;
}

function rememberChatOpen(open: boolean): void {
  try {
    localStorage.setItem(CHAT_OPEN_KEY, open ? "1" : "0");
  } catch {
    /* storage unavailable */
  }
}
