/** Turns Better Auth client errors into messages a person can act on. */
import { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_TOO_WEAK } from "#contracts/auth.ts";

export interface AuthFailure {
  /** Which field the message belongs to, or "form" for a banner. */
  field: "form" | "email" | "password" | "name";
  message: string;
}

export const SERVER_DOWN = "Can't reach the server. Check your connection and try again.";

export type AuthFlow = "sign-in" | "sign-up" | "password" | "profile";

export function describeAuthError(error: { status: number; code?: string; message?: string } | null | undefined, flow: AuthFlow): AuthFailure {
  if (!error || error.status === 0 || error.status >= 500) return { field: "form", message: SERVER_DOWN };
  const code = error.code ?? "";
  if (code.startsWith("USER_ALREADY_EXISTS") || (flow === "sign-up" && error.status === 422)) {
    return { field: "email", message: "An account with this email already exists." };
  }
  if (code === "INVALID_EMAIL_OR_PASSWORD" || (flow === "sign-in" && error.status === 401)) {
    return { field: "form", message: "That email and password don't match. Just signed up? Open the link we emailed you first (signing in with the right password sends a new one)." };
  }
  if (code === "INVALID_PASSWORD") return { field: "password", message: "That password isn't right. Check it and try again." };
  if (code === "PASSWORD_TOO_SHORT" || code === "PASSWORD_TOO_LONG") {
    return { field: "password", message: `Use ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.` };
  }
  // The server's sentence comes from the same policy the form checks (contracts/auth.ts).
  if (code === PASSWORD_TOO_WEAK) return { field: "password", message: error.message || "This password is too easy to guess." };
  if (code === "INVALID_NAME") return { field: "name", message: error.message || "Check your name." };
  if (code === "INVALID_EMAIL") return { field: "email", message: "Enter a valid email address." };
  if (error.status === 429) return { field: "form", message: "Too many attempts. Wait a minute and try again." };
  if (error.status === 403) return { field: "form", message: "This request was blocked. Reload the page and try again." };
  return { field: "form", message: error.message || "Something went wrong. Try again." };
}

/** The reset token is unknown, used or expired (Better Auth answers 400 INVALID_TOKEN). */
export function isInvalidResetToken(error: { status: number; code?: string } | null | undefined): boolean {
  return error?.code === "INVALID_TOKEN" || error?.code === "USER_NOT_FOUND";
}
