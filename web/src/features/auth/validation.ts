/** Client-side checks, so users learn the rules before submitting (new passwords: use-password-check.ts). */
import { DisplayName, EmailLength } from "#contracts/auth.ts";

export function checkEmail(email: string): string | null {
  const v = email.trim();
  const size = EmailLength.safeParse(v);
  if (!size.success) return size.error.issues[0]?.message ?? "Enter your email address.";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return "Enter a valid email address, like name@example.com.";
  return null;
}

export function checkName(name: string): string | null {
  const v = name.trim();
  const r = DisplayName.safeParse(v);
  return r.success ? null : (r.error.issues[0]?.message ?? "Enter your name.");
}
