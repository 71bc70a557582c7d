/**
 * The password policy: one definition for the issuer (Better Auth enforces the
 * lengths) and the web forms (which show the same rule before submitting).
 */
import * as z from "zod";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** A new password (sign-up, reset, change); the messages are written for the forms. */
export const NewPassword = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);
