/**
 * The password policy (NIST SP 800-63B): at least 8 characters, no composition
 * rules, and no password an attacker would try early — common passwords,
 * dictionary words, repeats and sequences, or words from the account itself
 * (email, name) and the site ("tickler"). One definition for the issuer, which
 * enforces it, and the web forms, which show it live before submitting.
 */
import * as z from "zod";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/**
 * zxcvbn's score is log10 of the guesses it needs, in steps: below 2 means within
 * the first million guesses — the common-password lists and their obvious variants.
 */
export const PASSWORD_MIN_SCORE = 2;

/** Words every password is checked against, beside the account's own. */
export const SITE_WORDS = ["tickler"] as const;

/** A new password's length rule (sign-up, reset, change); the messages are written for the forms. */
export const NewPassword = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

/** What is known about the account a password is for. */
export interface PasswordContext {
  email?: string | null;
  name?: string | null;
}

/** The part of a zxcvbn result the policy reads. */
export interface StrengthResult {
  score: number;
  feedback: { warning: string | null; suggestions: string[] };
}
export type StrengthCheck = (password: string, userInputs: string[]) => StrengthResult;

/** The account's words zxcvbn should treat as known to an attacker. */
export function contextWords({ email, name }: PasswordContext): string[] {
  const words = new Set<string>(SITE_WORDS);
  const add = (w: string | null | undefined) => {
    const v = w?.trim().toLowerCase();
    if (v && v.length >= 3) words.add(v);
  };
  add(email);
  const [local, domain] = (email ?? "").split("@");
  add(local);
  add(domain?.split(".")[0]);
  add(name);
  for (const part of (name ?? "").split(/[\s._-]+/)) add(part);
  return [...words];
}

/** Why a new password is refused, as a sentence for the form; null when it is fine. */
export function passwordProblem(password: string, context: PasswordContext, check: StrengthCheck): string | null {
  const length = NewPassword.safeParse(password);
  if (!length.success) return length.error.issues[0]?.message ?? "Choose another password.";
  const { score, feedback } = check(password, contextWords(context));
  if (score >= PASSWORD_MIN_SCORE) return null;
  const warning = feedback.warning?.replace(/\.?$/, ".");
  return warning ? `${warning} That makes it too easy to guess: add a few uncommon words.` : "This password is too easy to guess: add a few uncommon words.";
}

export const PASSWORD_TOO_WEAK = "PASSWORD_TOO_WEAK";

/** Longest display name; with the email it rides in every JWT, which must stay small. */
export const NAME_MAX = 100;
/** RFC 5321's limit on a forward path, less the angle brackets. */
export const EMAIL_MAX = 254;

// C0/C1 controls, and the bidi overrides that make a name render as something else.
const UNSAFE_NAME_CHARS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** A display name as sent (the web trims first): 1–100 characters, not blank, no control characters. */
export const DisplayName = z
  .string()
  .max(NAME_MAX, `Use at most ${NAME_MAX} characters.`)
  .refine((v) => v.trim() !== "", "Enter your name.")
  .refine((v) => !UNSAFE_NAME_CHARS.test(v), "Use letters, digits, spaces and punctuation only.");

/** An email address's size (its syntax is Better Auth's to check). */
export const EmailLength = z
  .string()
  .max(EMAIL_MAX, `Use at most ${EMAIL_MAX} characters.`)
  .refine((v) => v.trim() !== "", "Enter your email address.");
