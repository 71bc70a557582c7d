/**
 * The `fetch` ChatKit uses for `POST /api/chatkit`: adds the in-memory Bearer
 * token and the user's time zone, and retries once with a fresh token on 401.
 * ChatKit's bodies are JSON strings, so a retry can resend them.
 */
import { tokens } from "../../lib/token.ts";

const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export const chatkitFetch: typeof fetch = async (input, init) => {
  const send = (token: string) => {
    const headers = new Headers(init?.headers);
    headers.set("authorization", `Bearer ${token}`);
    headers.set("x-time-zone", timeZone());
    return fetch(input, { ...init, headers });
  };
  const res = await send(await tokens.get());
  if (res.status !== 401) return res;
  return send(await tokens.refresh());
};
