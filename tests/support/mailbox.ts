/**
 * What a test server mailed, for helpers that must follow an emailed link as a
 * person would (sign-up needs the verification link, decision 021). In-process
 * servers record through a mailer that wraps the real one; spawned servers
 * through the mail lines of their log. Registered by server URL, so helpers
 * given only a base URL find the server's mail.
 */
import type { Mail, Mailer } from "../../src/issuer/mailer.ts";
import { MAIL_LOG_MESSAGE } from "../../src/issuer/mailer.ts";

export interface Mailbox {
  readonly mails: readonly Mail[];
  add(mail: Mail): void;
  /** A mailer that records every mail here, then hands it to `inner`. */
  wrap(inner: Mailer): Mailer;
  /** The first link of the newest mail to `to` (after the first `since` mails); waits until one is sent. */
  linkFor(to: string, opts?: { since?: number; subject?: RegExp; timeoutMs?: number }): Promise<string>;
}

const LINK = /https?:\/\/\S+/;

export function createMailbox(): Mailbox {
  const mails: Mail[] = [];
  const listeners = new Set<() => void>();
  const find = (to: string, since: number, subject: RegExp | undefined) =>
    mails
      .slice(since)
      .reverse()
      .find((m) => m.to === to && (!subject || subject.test(m.subject)) && LINK.test(m.text));
  const box: Mailbox = {
    mails,
    add(mail) {
      mails.push(mail);
      for (const l of [...listeners]) l();
    },
    wrap: (inner) => ({
      kind: inner.kind,
      send: (mail) => {
        box.add(mail);
        return inner.send(mail);
      },
      close: () => inner.close(),
    }),
    // Checked on every new mail; the timeout only bounds a failure.
    linkFor: (to, { since = 0, subject, timeoutMs = 15_000 } = {}) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          const mail = find(to, since, subject);
          if (!mail) return;
          done();
          resolve(LINK.exec(mail.text)![0]);
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(`no mail with a link to ${to}; sent: ${mails.map((m) => `${m.to}: ${m.subject}`).join("; ")}`),
          );
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      }),
  };
  return box;
}

/** Feeds a mailbox from a server's JSON log lines (the log mailer of an SMTP-less server). */
export function mailFromLogLine(box: Mailbox, line: string): void {
  if (!line.includes(MAIL_LOG_MESSAGE)) return;
  try {
    const entry = JSON.parse(line) as { msg?: string; mail?: Mail };
    if (entry.msg === MAIL_LOG_MESSAGE && entry.mail) box.add(entry.mail);
  } catch {
    // not one JSON line
  }
}

const byUrl = new Map<string, Mailbox>();

export function registerMailbox(url: string, box: Mailbox): () => void {
  byUrl.set(url, box);
  return () => byUrl.delete(url);
}

export function mailboxFor(url: string): Mailbox {
  const box = byUrl.get(url.replace(/\/+$/, ""));
  if (!box) throw new Error(`no mailbox for ${url}: start the server with startTestServer/spawnServer`);
  return box;
}

/**
 * Follows a verification link the way a browser does and returns the session
 * cookie it sets (`autoSignInAfterVerification`); throws if it sets none.
 */
export async function followVerificationLink(
  link: string,
  fetcher: (url: string) => Promise<Response> = (u) => fetch(u, { redirect: "manual" }),
): Promise<string> {
  const res = await fetcher(link);
  const cookie = res.headers.getSetCookie().find((c) => c.includes("session_token="));
  if (!cookie)
    throw new Error(
      `verification link answered ${res.status} without a session: ${res.headers.get("location") ?? (await res.text())}`,
    );
  return cookie.split(";")[0]!;
}

/**
 * The session cookie a sign-up leads to: from the answer itself on a server
 * with EMAIL_VERIFICATION=off, else by opening the mailed link with `open`.
 */
export async function sessionAfterSignUp(
  res: Response,
  email: string,
  box: Mailbox,
  open?: (link: string) => Promise<Response>,
): Promise<string> {
  const body = (await res.clone().json()) as { token?: string | null };
  if (body.token) return res.headers.get("set-cookie")!.split(";")[0]!;
  return followVerificationLink(await box.linkFor(email), open);
}

/** `open` for an in-process app: the link's path, requested without following the redirect. */
export const inProcess =
  (request: (path: string, init?: RequestInit) => Promise<Response>, origin: string) => (link: string) =>
    request(link.slice(origin.length), { redirect: "manual" });
