/**
 * Outgoing email (password resets). With SMTP_URL it goes out through
 * nodemailer; without it, development and test write the whole message to the
 * structured log (so a local user can follow the link), while production logs
 * only that a message could not be sent — never its secret link.
 */
import type { Config } from "../config/env.ts";
import type { Logger } from "../http/logger.ts";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly kind: "smtp" | "log";
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** The log line that carries an unsent email; tests look for it. */
export const MAIL_LOG_MESSAGE = "email not sent (no SMTP_URL): written to the log";

export async function createMailer(config: Config, logger: Logger): Promise<Mailer> {
  if (config.SMTP_URL) {
    const nodemailer = (await import("nodemailer")).default;
    const transport = nodemailer.createTransport(config.SMTP_URL);
    return {
      kind: "smtp",
      send: async (mail) => {
        await transport.sendMail({ from: config.MAIL_FROM, ...mail });
        logger.info("email sent", { subject: mail.subject });
      },
      close: () => transport.close(),
    };
  }
  const revealing = config.NODE_ENV !== "production";
  return {
    kind: "log",
    send: async (mail) => {
      if (revealing) logger.info(MAIL_LOG_MESSAGE, { mail });
      else logger.warn("email not sent: SMTP_URL is not configured", { subject: mail.subject });
    },
    close: () => {},
  };
}
