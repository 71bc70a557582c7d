import { NewPassword, PASSWORD_MAX, PASSWORD_MIN } from "#contracts/auth.ts";

/** The live "8–128 characters" hint under a new-password field. */
export function PasswordRule({ password }: { password: string }) {
  const lengthOk = NewPassword.safeParse(password).success;
  return (
    <span className={password ? (lengthOk ? "rule rule-ok" : "rule rule-bad") : "rule"} data-testid="password-rule">
      {PASSWORD_MIN}–{PASSWORD_MAX} characters{password ? ` (${password.length})` : ""}
    </span>
  );
}
