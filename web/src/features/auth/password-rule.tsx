import { PASSWORD_MAX, PASSWORD_MIN, NewPassword, type PasswordContext } from "#contracts/auth.ts";
import { usePasswordCheck } from "./use-password-check.ts";

/** The live policy under a new-password field: the length rule, then "not easy to guess". */
export function PasswordRule({ password, context }: { password: string; context: PasswordContext }) {
  const lengthOk = NewPassword.safeParse(password).success;
  const { state, problem } = usePasswordCheck(password, context);
  const guessClass = !password || !lengthOk || state === "loading" ? "rule" : state === "ok" ? "rule rule-ok" : "rule rule-bad";
  return (
    <span className="rules" data-testid="password-rule">
      <span className={password ? (lengthOk ? "rule rule-ok" : "rule rule-bad") : "rule"}>
        {PASSWORD_MIN}–{PASSWORD_MAX} characters{password ? ` (${password.length})` : ""}
      </span>
      <span className={guessClass} data-testid="password-strength" aria-live="polite">
        {lengthOk && problem ? problem : "Not a common password, nor your name or email"}
      </span>
    </span>
  );
}
