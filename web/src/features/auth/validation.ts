/** Client-side checks, so users learn the rules before submitting (new passwords: use-password-check.ts). */

export const NAME_MAX = 100;

export function checkEmail(email: string): string | null {
  const v = email.trim();
  if (!v) return "Enter your email address.";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return "Enter a valid email address, like name@example.com.";
  return null;
}


export function checkName(name: string): string | null {
  const v = name.trim();
  if (!v) return "Enter your name.";
  if (v.length > NAME_MAX) return `Use at most ${NAME_MAX} characters.`;
  return null;
}
