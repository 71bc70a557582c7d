/**
 * Collects the server's log lines so a test can read the emails that the
 * SMTP-less test server writes to its log (password-reset links).
 */
import { MAIL_LOG_MESSAGE } from "../../../src/issuer/mailer.ts";
import { createLogger, type Logger } from "../../../src/http/logger.ts";

export interface MailLog {
  logger: Logger;
  /** The link in the newest email to `to` sent after `since` lines were logged; waits for it to be logged. */
  linkFor(to: string, opts?: { since?: number; timeoutMs?: number }): Promise<string>;
  /** Whether an email to `to` has been logged after `since` lines (no waiting). */
  sent(to: string, since?: number): boolean;
  /** How many lines so far (pass as `since` to wait for a newer email). */
  readonly size: number;
}

export function createMailLog(): MailLog {
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  const find = (to: string, since: number): string | undefined => {
    for (const line of lines.slice(since).reverse()) {
      const entry = JSON.parse(line) as { msg: string; mail?: { to: string; text: string } };
      if (entry.msg === MAIL_LOG_MESSAGE && entry.mail?.to === to) return /https?:\/\/\S+/.exec(entry.mail.text)?.[0];
    }
    return undefined;
  };
  return {
    logger: createLogger("info", (line) => {
      lines.push(line);
      for (const l of listeners) l();
    }),
    get size() {
      return lines.length;
    },
    sent: (to, since = 0) => find(to, since) !== undefined,
    // Checked on every new log line; the timeout only bounds a failure.
    linkFor: (to, { since = 0, timeoutMs = 10_000 } = {}) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          const link = find(to, since);
          if (!link) return;
          done();
          resolve(link);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no email to ${to} in the server log`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      }),
  };
}
