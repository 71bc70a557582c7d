/**
 * Reads and validates request input with the shared zod contracts. Malformed
 * JSON is 400, a non-JSON content type 415, a schema mismatch 422 with details.
 */
import type { Context } from "hono";
import * as z from "zod";
import { TaskId } from "../contracts/task.ts";
import { HttpError } from "../http/errors.ts";

function invalid(error: z.ZodError, where: string): HttpError {
  const details = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const first = details[0];
  const message = first ? `${where}${first.path ? ` ${first.path}` : ""}: ${first.message}` : `invalid ${where}`;
  return new HttpError(422, "validation_failed", message, details);
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw invalid(r.error, where);
  return r.data;
}

/** The JSON body; `allowEmpty` returns undefined for a request without a body. */
export async function jsonBody<T extends z.ZodType>(
  c: Context,
  schema: T,
  opts: { allowEmpty?: boolean } = {},
): Promise<z.output<T>> {
  const text = await c.req.text();
  if (text.trim() === "" && opts.allowEmpty) return parseWith(schema, {}, "body");
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new HttpError(415, "unsupported_media_type", "send the body as application/json");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, "malformed_json", "the body is not valid JSON");
  }
  return parseWith(schema, value, "body");
}

/** Query parameters; repeated keys become arrays. */
export function queryParams<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  const all = c.req.queries();
  const flat = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
  return parseWith(schema, flat, "query");
}

export const IntId = z.coerce.number().pipe(TaskId);
