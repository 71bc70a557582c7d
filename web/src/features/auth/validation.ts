/** Client-side checks mirroring Better Auth's defaults, so users learn the rules before submitting. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const NAME_MAX = 100;

export function checkEmail(email: string): string | null {
  const v = email.trim();
  if (!v) return "Enter your email address.";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return "Enter a valid email address, like name@example.com.";
  return null;
}

export function checkPassword(password: string): string | null {
  if (!password) return "Enter a password.";
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  return null;
}

export function checkName(name: string): string | null {
  const v = name.trim();
  if (!v) return "Enter your name.";
  if (v.length > NAME_MAX) return `Use at most ${NAME_MAX} characters.`;
  return null;
}
