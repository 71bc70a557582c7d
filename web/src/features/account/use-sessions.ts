/** The signed-in user's sessions (one per device or browser), from Better Auth. */
import { useCallback, useEffect, useState } from "react";
import { authClient } from "../../lib/auth-client.ts";
import { SERVER_DOWN } from "../auth/auth-errors.ts";

export interface DeviceSession {
  id: string;
  token: string;
  userAgent: string | null;
  ipAddress: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export type SessionsState =
  | { status: "loading"; sessions?: DeviceSession[] }
  | { status: "error"; message: string; sessions?: DeviceSession[] }
  | { status: "ready"; sessions: DeviceSession[] };

const time = (d: Date | string) => new Date(d).getTime();

/** This device first, then the most recently active. */
export function sortSessions(sessions: DeviceSession[], currentId: string | null): DeviceSession[] {
  return [...sessions].sort((a, b) => Number(b.id === currentId) - Number(a.id === currentId) || time(b.updatedAt) - time(a.updatedAt));
}

function errorMessage(error: { status: number; message?: string } | null | undefined): string {
  if (!error || error.status === 0 || error.status >= 500) return SERVER_DOWN;
  if (error.status === 429) return "Too many requests. Wait a minute and try again.";
  return error.message || "Something went wrong. Try again.";
}

/** Loads the list (again whenever `reloadKey` changes); `revoke` signs one session out. */
export function useSessions(currentId: string | null, reloadKey: unknown) {
  const [state, setState] = useState<SessionsState>({ status: "loading" });

  const load = useCallback(async () => {
    setState((s) => ({ status: "loading", sessions: s.sessions }));
    try {
      const { data, error } = await authClient.listSessions();
      if (error || !data) setState((s) => ({ status: "error", message: errorMessage(error), sessions: s.sessions }));
      else setState({ status: "ready", sessions: sortSessions(data as DeviceSession[], currentId) });
    } catch {
      setState((s) => ({ status: "error", message: SERVER_DOWN, sessions: s.sessions }));
    }
  }, [currentId]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- fetching on mount/reload shows "loading" first, on purpose
    void load();
  }, [load, reloadKey]);

  /** Resolves with an error message, or null once the session is gone (and the list reloaded). */
  const revoke = useCallback(
    async (which: { token: string } | "others"): Promise<string | null> => {
      try {
        const { error } = which === "others" ? await authClient.revokeOtherSessions() : await authClient.revokeSession({ token: which.token });
        if (error) return errorMessage(error);
      } catch {
        return SERVER_DOWN;
      }
      await load();
      return null;
    },
    [load],
  );

  return { state, reload: load, revoke };
}
