/**
 * The shared password policy, live in a form. The checker (zxcvbn and its
 * dictionaries) is a separate chunk fetched when a password field first gets
 * input, so the sign-in page and the app do not carry it.
 */
import { useEffect, useState } from "react";
import { passwordProblem, type PasswordContext, type StrengthCheck } from "#contracts/auth.ts";

const load = (): Promise<StrengthCheck> => import("#contracts/password-strength.ts").then((m) => m.loadStrengthCheck());

/** Why the password is refused (null: fine); for the submit handler. */
export async function checkNewPassword(password: string, context: PasswordContext): Promise<string | null> {
  if (!password) return "Enter a password.";
  return passwordProblem(password, context, await load());
}

/** "loading" until the checker is here, then the live verdict; idle while the field is empty. */
export function usePasswordCheck(password: string, context: PasswordContext): { state: "idle" | "loading" | "ok" | "bad"; problem: string | null } {
  const [check, setCheck] = useState<StrengthCheck | null>(null);
  useEffect(() => {
    if (!password || check) return;
    let live = true;
    load().then((c) => live && setCheck(() => c), () => {});
    return () => {
      live = false;
    };
  }, [password, check]);
  if (!password) return { state: "idle", problem: null };
  if (!check) return { state: "loading", problem: null };
  const problem = passwordProblem(password, context, check);
  return { state: problem ? "bad" : "ok", problem };
}
