/**
 * Email verification and email change (decision 021), on Better Auth's built-in
 * support. With verification on:
 * - sign-up answers the same for a new and a registered address (`token: null`,
 *   a user of the same shape): the new address gets a verification link, the
 *   registered one a note that someone tried to sign up with it;
 * - an unverified account cannot sign in, and its sign-in answers like a wrong
 *   password (sign-up then sign-in would otherwise tell which addresses were
 *   new); a right password mails a fresh link;
 * - the link verifies and signs in; an email change is verified at the new
 *   address, and the old one is told.
 * Every mail goes out in the background: no answer waits on SMTP.
 */
import { eq } from "drizzle-orm";
import type { Config } from "../config/env.ts";
import type { Db } from "../db/client.ts";
import { user as userTable } from "../db/schema/auth.ts";
import type { Logger } from "../http/logger.ts";
import type { Mail, Mailer } from "./mailer.ts";

interface Deps {
  config: Config;
  db: Db;
  mailer: Mailer;
  logger: Logger;
}

interface MailUser {
  id: string;
  email: string;
  name: string;
}

/** Better Auth's own "wrong password" answer, which an unverified sign-in gets too. */
export const INVALID_CREDENTIALS = { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" } as const;

function sendLater({ mailer, logger }: Deps, mail: Mail, what: string): void {
  void mailer
    .send(mail)
    .catch((err: unknown) =>
      logger.error(`${what} email failed`, { error: err instanceof Error ? err.message : String(err) }),
    );
}

const hours = (config: Config) => Math.max(1, Math.round(config.VERIFY_TOKEN_TTL_SECONDS / 3600));

/** Better Auth mails one kind of link for both; `user.email` differs from the stored one on a change. */
async function sendVerification(deps: Deps, { user, url }: { user: MailUser; url: string }): Promise<void> {
  const { config } = deps;
  const [stored] = await deps.db.select({ email: userTable.email }).from(userTable).where(eq(userTable.id, user.id));
  const change = stored !== undefined && stored.email !== user.email;
  const valid = `The link works for ${hours(config)} hours.`;
  if (!change) {
    sendLater(
      deps,
      {
        to: user.email,
        subject: "Verify your email for Tickler",
        text: `Hello ${user.name},\n\nOpen this link to verify your address and sign in to Tickler:\n\n${url}\n\n${valid}\nIf you did not create an account, ignore this email.\n`,
      },
      "verification",
    );
    return;
  }
  sendLater(
    deps,
    {
      to: user.email,
      subject: "Confirm your new email for Tickler",
      text: `Hello ${user.name},\n\nOpen this link to make this your Tickler address:\n\n${url}\n\n${valid}\nIf you did not ask for this, ignore this email.\n`,
    },
    "email-change",
  );
  sendLater(
    deps,
    {
      to: stored.email,
      subject: "Your Tickler address is being changed",
      text:
        `Hello ${user.name},\n\nSomeone signed in to your Tickler account asked to change its address to ${user.email}.\n` +
        "It changes once the link sent there is opened. If it was not you, sign in, change your password and " +
        "sign out every other device on the account page.\n",
    },
    "email-change notice",
  );
}

function existingUserNotice(deps: Deps, { user }: { user: MailUser }): void {
  sendLater(
    deps,
    {
      to: user.email,
      subject: "Someone tried to sign up to Tickler with your address",
      text:
        `Hello ${user.name},\n\nSomeone tried to create a Tickler account with this address, which already has one.\n` +
        `If it was you, sign in at ${deps.config.publicUrl}/sign-in, or reset your password at ` +
        `${deps.config.publicUrl}/forgot-password if you forgot it.\nIf it was not you, ignore this email: nothing changed.\n`,
    },
    "existing-account notice",
  );
}

/** The Better Auth options for verification; with EMAIL_VERIFICATION off, sign-up signs in at once as before. */
export function emailVerificationOptions(deps: Deps) {
  const on = deps.config.emailVerification;
  return {
    emailAndPassword: {
      requireEmailVerification: on,
      // With verification on, the answer has no session, so it can be the same for a taken address.
      autoSignIn: !on,
      onExistingUserSignUp: async ({ user }: { user: MailUser }) => existingUserNotice(deps, { user }),
    },
    emailVerification: {
      sendVerificationEmail: (data: { user: MailUser; url: string }) => sendVerification(deps, data),
      sendOnSignUp: on,
      sendOnSignIn: on,
      autoSignInAfterVerification: true,
      expiresIn: deps.config.VERIFY_TOKEN_TTL_SECONDS,
    },
    changeEmail: { enabled: true },
  };
}

/**
 * Better Auth's sign-in answer, with "not verified" (403) turned into its own
 * "wrong email or password" (401): see the top. (An after-hook cannot do it:
 * Better Auth keeps the first error's status.)
 */
export async function hideUnverified(path: string, res: Response): Promise<Response> {
  if (path !== "/api/auth/sign-in/email" || res.status !== 403) return res;
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { code?: string } | null;
  if (body?.code !== "EMAIL_NOT_VERIFIED") return res;
  return Response.json({ ...INVALID_CREDENTIALS }, { status: 401, statusText: "UNAUTHORIZED" });
}
