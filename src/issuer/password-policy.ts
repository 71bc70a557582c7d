/**
 * The issuer enforces the shared password policy (src/contracts/auth.ts) on
 * every path that sets a password, with the account's own words as context.
 * Better Auth only checks lengths; this runs before its handler.
 */
import { APIError, getSessionFromCtx } from "better-auth/api";
import { NewPassword, passwordProblem, PASSWORD_TOO_WEAK, type PasswordContext } from "../contracts/auth.ts";
import { strengthCheck } from "./strength-check.ts";

type HookCtx = Parameters<typeof getSessionFromCtx>[0];

/** The new password a request sets and what is known about its account, or undefined. */
async function newPasswordOf(ctx: HookCtx, body: Record<string, unknown>): Promise<{ password: string; context: PasswordContext } | undefined> {
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  if (ctx.path === "/sign-up/email") {
    const password = text(body.password);
    return password === undefined ? undefined : { password, context: { email: text(body.email), name: text(body.name) } };
  }
  const password = text(body.newPassword);
  if (password === undefined) return undefined;
  if (ctx.path === "/change-password") {
    const session = await getSessionFromCtx(ctx);
    return { password, context: { email: session?.user.email, name: session?.user.name } };
  }
  if (ctx.path === "/reset-password") {
    // The reset token names the account; an unknown token is Better Auth's to refuse.
    const token = text(body.token) ?? text((ctx.query as Record<string, unknown> | undefined)?.token);
    const verification = token ? await ctx.context.internalAdapter.findVerificationValue(`reset-password:${token}`) : null;
    const user = verification ? await ctx.context.internalAdapter.findUserById(verification.value) : null;
    return { password, context: { email: user?.email, name: user?.name } };
  }
  return undefined;
}

/** Throws 400 PASSWORD_TOO_WEAK (with the form's sentence) when the new password breaks the policy. */
export async function enforcePasswordPolicy(ctx: HookCtx, body: Record<string, unknown>): Promise<void> {
  const found = await newPasswordOf(ctx, body);
  if (!found) return;
  // Lengths stay Better Auth's own errors (PASSWORD_TOO_SHORT/LONG), which clients already read.
  if (!NewPassword.safeParse(found.password).success) return;
  const problem = passwordProblem(found.password, found.context, strengthCheck());
  if (problem) throw new APIError("BAD_REQUEST", { code: PASSWORD_TOO_WEAK, message: problem });
}
