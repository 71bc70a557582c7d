import { PASSWORD_MAX, PASSWORD_MIN } from "./validation.ts";

/** The live "8–128 characters" hint under a new-password field. */
export function PasswordRule({ password }: { password: string }) {
  const lengthOk = password.length >= PASSWORD_MIN && password.length <= PASSWORD_MAX;
  return (
    <span className={password ? (lengthOk ? "rule rule-ok" : "rule rule-bad") : "rule"} data-testid="password-rule">
      {PASSWORD_MIN}–{PASSWORD_MAX} characters{password ? ` (${password.length})` : ""}
    </span>
  );
}
