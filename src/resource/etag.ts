/**
 * ETags derived from the user's data version (domain/tasks/version.ts), so an
 * unchanged answer is a 304 from one primary-key read instead of a page built
 * and sent. The tag hashes everything the answer depends on: the user (one URL,
 * /api/me/…, serves every user), the version, the parsed query, the clock's part
 * where it matters, and the response contract's shape (a deploy that adds a
 * field changes every tag). Nothing is kept in process memory (decision 023).
 */
import { createHash } from "node:crypto";
import type { Context } from "hono";
import * as z from "zod";

/** Clients must revalidate every time (no-cache), and only the user's own client may store it. */
export const REVALIDATE = "private, no-cache";

/** A short fingerprint of a response contract. */
export function shapeOf(schema: z.ZodType): string {
  return createHash("sha1").update(JSON.stringify(z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }))).digest("base64url").slice(0, 10);
}

export const tagOf = (parts: unknown[]): string => `W/"${createHash("sha1").update(JSON.stringify(parts)).digest("base64url").slice(0, 27)}"`;

/** If-None-Match (weak comparison, RFC 9110 §13.1.2): any listed tag, or `*`. */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || opaque(t) === opaque(etag));
}

/** Sets the validators on a full answer. */
export function setTag(c: Context, etag: string): void {
  c.header("etag", etag);
  c.header("cache-control", REVALIDATE);
}

export function notModified(c: Context, etag: string): Response {
  setTag(c, etag);
  return c.body(null, 304);
}
