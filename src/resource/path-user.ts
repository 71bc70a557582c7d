/**
 * `{user_id}` in a resource path must be the token's subject (or the alias
 * `me`); any other id is 403, so a path can never address another user.
 */
import { createMiddleware } from "hono/factory";
import type { AuthEnv } from "./require-user.ts";
import { HttpError } from "../http/errors.ts";

export const pathUser = createMiddleware<AuthEnv>(async function pathUser(c, next) {
  const claimed = c.req.param("user_id" as never) as string | undefined;
  if (claimed !== "me" && claimed !== c.var.user.id) {
    throw new HttpError(403, "forbidden", "the user id in the path does not match your token");
  }
  await next();
});
