/**
 * Routes and the auth gate: signed-out visitors go to /sign-in?next=<where they were>,
 * signed-in users never see the auth pages.
 */
import { lazy, Suspense, useEffect, useRef } from "react";
import { authClient, type SessionUser } from "./lib/auth-client.ts";
import { startLiveEvents } from "./lib/live-events.ts";
import { navigate, safeNext, useLocation } from "./lib/router.tsx";
import { ToastProvider } from "./lib/toast.tsx";
import { tokens } from "./lib/token.ts";
import { SignInPage } from "./features/auth/sign-in-page.tsx";
import { SignUpPage } from "./features/auth/sign-up-page.tsx";
import { AppShell } from "./features/layout/app-shell.tsx";
import { StatusScreen } from "./features/layout/status-screen.tsx";
import { flushPendingDeletes } from "./features/tasks/pending-deletes.ts";
import { TasksPage } from "./features/tasks/tasks-page.tsx";

const AUTH_ROUTES = new Set(["/sign-in", "/sign-up"]);
const ChatPage = lazy(() => import("./features/chat/chat-page.tsx"));

/** Set while the user signs out on purpose, so the gate doesn't add `?next=`. */
let signingOut = false;

async function signOut(): Promise<void> {
  signingOut = true;
  try {
    await flushPendingDeletes();
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
    if (userId) signingOut = false;
  }, [userId]);

  // Live updates: one event stream while signed in (restarted for another user).
  useEffect(() => (userId ? startLiveEvents() : undefined), [userId]);

  // The API said the session is gone: re-check it; the gate then sends the user to sign in.
  const { refetch } = session;
  useEffect(() => tokens.onSessionExpired(() => void refetch()), [refetch]);

  const isAuthRoute = AUTH_ROUTES.has(location.pathname);

  if (session.isPending && !session.data) return <StatusScreen message="Loading…" busy />;

  if (!user && session.error && session.error.status !== 401 && !isAuthRoute) {
    return (
      <StatusScreen
        message="Can't reach the server. Check your connection and try again."
        action={{ label: "Retry", onAction: () => void refetch() }}
      />
    );
  }

  if (user && isAuthRoute) return <Redirect to={safeNext(location.search.get("next"))} />;
  if (!user && !isAuthRoute) {
    const here = location.href;
    const to = signingOut || here === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(here)}`;
    return <Redirect to={to} />;
  }

  if (location.pathname === "/sign-in") return <SignInPage />;
  if (location.pathname === "/sign-up") return <SignUpPage />;
  if (!user) return null;

  return (
    <AppShell user={user} onSignOut={signOut}>
      {location.pathname === "/" ? (
        <TasksPage />
      ) : location.pathname === "/chat" ? (
        <Suspense fallback={<p className="empty-state" role="status">Loading the assistant…</p>}>
          <ChatPage />
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
