/**
 * Collects the server's log lines so a test can read the emails that the
 * SMTP-less test server writes to its log (password-reset links).
 */
import { MAIL_LOG_MESSAGE } from "../../../src/issuer/mailer.ts";
import { createLogger, type Logger } from "../../../src/server/logger.ts";

export interface MailLog {
  logger: Logger;
  /** The link in the newest email to `to` sent after `since` lines were logged; waits for it a little. */
  linkFor(to: string, opts?: { since?: number; timeoutMs?: number }): Promise<string>;
  /** How many lines so far (pass as `since` to wait for a newer email). */
  readonly size: number;
}

export function createMailLog(): MailLog {
  const lines: string[] = [];
  const find = (to: string, since: number): string | undefined => {
    for (const line of lines.slice(since).reverse()) {
      const entry = JSON.parse(line) as { msg: string; mail?: { to: string; text: string } };
      if (entry.msg === MAIL_LOG_MESSAGE && entry.mail?.to === to) return /https?:\/\/\S+/.exec(entry.mail.text)?.[0];
    }
    return undefined;
  };
  return {
    logger: createLogger("info", (line) => void lines.push(line)),
    get size() {
      return lines.length;
    },
    async linkFor(to, { since = 0, timeoutMs = 5_000 } = {}) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const link = find(to, since);
        if (link) return link;
        if (Date.now() > until) throw new Error(`no email to ${to} in the server log`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
