/**
 * Bounds on what an account stores about itself, on every path that sets it:
 * Better Auth accepts any length, and a 20,000-character name made a 27 KB JWT
 * that every API call refused. One definition in contracts/auth.ts.
 */
import { APIError } from "better-auth/api";
import type * as z from "zod";
import { DisplayName, EmailLength } from "../contracts/auth.ts";

/** Which body fields hold a name or an address, per Better Auth path. */
const FIELDS: Record<string, { name?: string; email?: string }> = {
  "/sign-up/email": { name: "name", email: "email" },
  "/update-user": { name: "name" },
  "/change-email": { email: "newEmail" },
};

function check(schema: z.ZodType, value: unknown, code: string) {
  if (value === undefined) return; // absent: Better Auth decides whether it is required
  const r = schema.safeParse(value);
  if (!r.success) throw new APIError("BAD_REQUEST", { code, message: r.error.issues[0]?.message ?? "invalid value" });
}

export function enforceProfilePolicy(path: string, body: Record<string, unknown>): void {
  const fields = FIELDS[path];
  if (!fields) return;
  if (fields.name) check(DisplayName, body[fields.name], "INVALID_NAME");
  if (fields.email) check(EmailLength, body[fields.email], "INVALID_EMAIL");
}
