/**
 * Routes and the auth gate: a signed-out visitor at `/` sees the landing page; elsewhere
 * signed-out visitors go to /sign-in?next=<where they were>,
 * signed-in users never see the sign-in/up pages. The password-reset and
 * email-verified pages are open to both (an emailed link may be opened in any browser).
 */
import { lazy, Suspense, useEffect, useRef } from "react";
import { authClient, inOAuthFlow, type SessionUser } from "./lib/auth-client.ts";
import { startLiveEvents } from "./lib/live-events.ts";
import { flushOutbox, setOutboxUser } from "./lib/outbox.ts";
import { navigate, safeNext, useLocation } from "./lib/router.tsx";
import { ToastProvider } from "./lib/toast.tsx";
import { tokens } from "./lib/token.ts";
import { SignInPage } from "./features/auth/sign-in-page.tsx";
import { SignUpPage } from "./features/auth/sign-up-page.tsx";
import { EmailVerifiedPage } from "./features/auth/email-verified-page.tsx";
import { VERIFIED_PATH } from "./features/auth/verification.ts";
import { CHECK_EMAIL_PATH, CheckEmailPage } from "./features/auth/check-email.tsx";
import { signInHrefWith, type SignInNotice } from "./features/auth/sign-in-notice.ts";
import { LandingPage } from "./features/landing/landing-page.tsx";
import { AppShell } from "./features/layout/app-shell.tsx";
import { AuthErrorPage } from "./features/oauth/auth-error-page.tsx";
import { StatusScreen } from "./features/layout/status-screen.tsx";
import { resetLists } from "./features/lists/lists-store.ts";
import { flushPendingDeletes } from "./features/tasks/pending-deletes.ts";
import { TasksPage } from "./features/tasks/tasks-page.tsx";
import { ReminderAlerts } from "./features/reminders/reminder-alerts.tsx";

const AUTH_ROUTES = new Set(["/sign-in", "/sign-up"]);
const PUBLIC_ROUTES = new Set(["/forgot-password", "/reset-password", "/auth-error", VERIFIED_PATH, CHECK_EMAIL_PATH]);
const ChatPage = lazy(() => import("./features/chat/chat-page.tsx"));
const AccountPage = lazy(() => import("./features/account/account-page.tsx"));
const ConsentPage = lazy(() => import("./features/oauth/consent-page.tsx"));
const ForgotPasswordPage = lazy(() => import("./features/auth/forgot-password-page.tsx").then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import("./features/auth/reset-password-page.tsx").then((m) => ({ default: m.ResetPasswordPage })));

/**
 * Set while the session ends on purpose (sign-out, password reset, account deleted),
 * so the gate sends the user to plain sign-in — with a notice, if there is one — instead of `?next=`.
 */
let leaving: { notice?: SignInNotice } | null = null;

async function signOut(): Promise<void> {
  leaving = {};
  try {
    await flushPendingDeletes();
    // Best effort: what can't be sent now stays queued under this user only, for their next sign-in.
    await flushOutbox();
    await authClient.signOut();
  } finally {
    tokens.clear();
  }
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

export function App() {
  return (
    <ToastProvider>
      <Routes />
    </ToastProvider>
  );
}

function Routes() {
  const session = authClient.useSession();
  const location = useLocation();
  const user = (session.data?.user ?? null) as SessionUser | null;

  // Signed out, or another user signed in (e.g. in another tab): forget the previous user's token.
  const userId = user?.id ?? null;
  const lastUser = useRef(userId);
  useEffect(() => {
    if (lastUser.current !== null && lastUser.current !== userId) tokens.clear();
    lastUser.current = userId;
    if (userId) leaving = null;
  }, [userId]);

  // Offline writes are queued per user: switch queues with the user (never replay another's).
  useEffect(() => setOutboxUser(userId), [userId]);
  // Lists are per user too: another user never sees the previous one's sidebar.
  useEffect(() => resetLists(), [userId]);

  // Live updates: one event stream while signed in (restarted for another user).
  useEffect(() => (userId ? startLiveEvents() : undefined), [userId]);

  // The API said the session is gone: re-check it; the gate then sends the user to sign in.
  const { refetch } = session;
  useEffect(() => tokens.onSessionExpired(() => void refetch()), [refetch]);

  const isAuthRoute = AUTH_ROUTES.has(location.pathname);
  const isPublicRoute = PUBLIC_ROUTES.has(location.pathname);
  // Arrived at sign-in: the next time this tab is signed out it is no longer on purpose.
  useEffect(() => {
    if (!userId && isAuthRoute) leaving = null;
  }, [userId, isAuthRoute]);

  /** The server already ended this session (account deleted, password reset): re-check, then leave. */
  const sessionEnded = (notice: SignInNotice) => {
    leaving = { notice };
    tokens.clear();
    void refetch();
  };

  if (session.isPending && !session.data) return <StatusScreen message="Loading…" busy />;

  if (!user && session.error && session.error.status !== 401 && !isAuthRoute && !isPublicRoute) {
    return (
      <StatusScreen
        message="Can't reach the server. Check your connection and try again."
        action={{ label: "Retry", onAction: () => void refetch() }}
      />
    );
  }

  // In an MCP client's sign-in the server says where to go next (consent), not `?next=`.
  if (user && isAuthRoute && !inOAuthFlow(location.search)) return <Redirect to={safeNext(location.search.get("next"))} />;
  // The front door: what Tickler is. A sign-out on purpose still lands on sign-in.
  if (!user && !leaving && location.href === "/") return <LandingPage />;
  if (!user && !isAuthRoute && (leaving || !isPublicRoute)) {
    const here = location.href;
    const to = leaving?.notice ? signInHrefWith(leaving.notice) : leaving || here === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(here)}`;
    return <Redirect to={to} />;
  }

  if (location.pathname === "/sign-in") return <SignInPage />;
  if (location.pathname === "/sign-up") return <SignUpPage />;
  if (location.pathname === "/forgot-password") {
    return (
      <Suspense fallback={<StatusScreen message="Loading…" busy />}>
        <ForgotPasswordPage />
      </Suspense>
    );
  }
  if (location.pathname === "/reset-password") {
    // A reset signs out every session, this browser's too if it was signed in.
    const onReset = user ? () => sessionEnded("password-reset") : () => navigate(signInHrefWith("password-reset"), { replace: true });
    return (
      <Suspense fallback={<StatusScreen message="Loading…" busy />}>
        <ResetPasswordPage onReset={onReset} />
      </Suspense>
    );
  }
  if (location.pathname === "/auth-error") return <AuthErrorPage />;
  if (location.pathname === VERIFIED_PATH) return <EmailVerifiedPage user={user} />;
  if (location.pathname === CHECK_EMAIL_PATH) return <CheckEmailPage />;
  if (!user) return null;
  if (location.pathname === "/oauth/consent") {
    return (
      <Suspense fallback={<StatusScreen message="Loading…" busy />}>
        <ConsentPage user={user} />
      </Suspense>
    );
  }

  return (
    <AppShell user={user} onSignOut={signOut}>
      <ReminderAlerts />
      {location.pathname === "/" ? (
        <TasksPage />
      ) : location.pathname === "/chat" ? (
        <Suspense fallback={<p className="empty-state" role="status">Loading the assistant…</p>}>
          <ChatPage />
        </Suspense>
      ) : location.pathname === "/account" ? (
        <Suspense fallback={<p className="empty-state" role="status">Loading your account…</p>}>
          <AccountPage
            user={user}
            currentSessionId={session.data?.session.id ?? null}
            onSignOut={signOut}
            onDeleted={() => sessionEnded("account-deleted")}
          />
        </Suspense>
      ) : (
        <NotFound />
      )}
    </AppShell>
  );
}

function NotFound() {
  return (
    <div className="empty-state" data-testid="not-found">
      <h1>Page not found</h1>
      <p>
        <a href="/" onClick={(e) => (e.preventDefault(), navigate("/"))}>
          Go to your tasks
        </a>
      </p>
    </div>
  );
}
