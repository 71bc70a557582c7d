/**
 * Reusable fast-check generators for fuzzing Tickler's HTTP surface: hostile
 * strings, JSON values and near-miss task bodies, query strings, path segments,
 * headers and auth bodies, and `bodyText` to read an answer as a client would.
 * Shared by the REST and the assistant (chat/MCP/ChatKit) fuzz suites.
 */
import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { PRIORITIES, TASK_SORTS } from "../../src/contracts/task.ts";

/** Strings that have broken parsers, SQL, paths and logs before. */
export const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "\u0000abc",
  "\ud800", // lone surrogate
  "💥🔥",
  "e\u0301", // combining mark
  "\u202etxt.exe", // right-to-left override
  "'; drop table tasks; --",
  "\" or 1=1 --",
  "../../etc/passwd",
  "%2e%2e%2f",
  "%00",
  "<script>alert(1)</script>",
  "${7*7}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "prototype",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "9".repeat(40),
  "null",
  "true",
  "\r\n\r\nX-Injected: 1",
  "a".repeat(201),
  "#".repeat(50),
] as const;

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 190, maxLength: 2100 }) },
);

/** Any JSON value, with hostile strings inside. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308),
    nastyString,
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom("__proto__", "constructor", "title", "id")), tie("value"), { maxKeys: 5 }),
  ),
})).value;

const isoDate = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-01-01T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());

/** A value for each task field: mostly plausible, sometimes wrong in type or range. */
const fieldValues = {
  title: fc.oneof(fc.string({ minLength: 1, maxLength: 60 }), nastyString, jsonValue),
  description: fc.oneof(fc.string({ maxLength: 100 }), fc.constant(null), nastyString, jsonValue),
  priority: fc.oneof(fc.constantFrom(...PRIORITIES), fc.constant(null), nastyString, jsonValue),
  tags: fc.oneof(
    fc.array(fc.oneof(fc.stringMatching(/^#?[a-z0-9_-]{1,12}$/), nastyString), { maxLength: 25 }),
    fc.constant(null),
    jsonValue,
  ),
  due_at: fc.oneof(isoDate, isoDate.map((s) => s.replace("Z", "+05:30")), isoDate.map((s) => s.slice(0, 10)), fc.constant(null), nastyString, jsonValue),
  completed: fc.oneof(fc.boolean(), fc.constantFrom("true", 1, 0, null), jsonValue),
} as const;

/** Task bodies near the contract: known fields, plausible or broken values, sometimes an extra key. */
export const taskBody: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.record(fieldValues, { requiredKeys: [] }),
    fc.option(fc.dictionary(nastyString, jsonValue, { maxKeys: 2 }), { freq: 4 }),
  )
  .map(([known, extra]) => ({ ...known, ...(extra ?? {}) }));

/** Task bodies the contract accepts (hostile but legal text included). */
export const validTaskBody: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    title: fc.string({ minLength: 1, maxLength: 200 }).filter((t) => t.trim().length > 0 && !t.includes("\u0000")),
    description: fc.option(fc.string({ maxLength: 300 }).filter((t) => !t.includes("\u0000")), { nil: null }),
    priority: fc.constantFrom(...PRIORITIES),
    tags: fc.array(fc.stringMatching(/^#?[a-z0-9_-]{1,12}$/), { maxLength: 20 }),
    due_at: fc.option(isoDate, { nil: null }),
    completed: fc.boolean(),
  },
  { requiredKeys: ["title"] },
);

/** A raw request body: JSON of a task-like object, any JSON, or not JSON at all. */
export const rawBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: validTaskBody.map((b) => JSON.stringify(b)) },
  { weight: 5, arbitrary: taskBody.map((b) => JSON.stringify(b)) },
  { weight: 2, arbitrary: jsonValue.map((v) => JSON.stringify(v) ?? "null") },
  { weight: 1, arbitrary: taskBody.map((b) => JSON.stringify(b).slice(0, -1)) }, // truncated
  { weight: 1, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.constantFrom("", "{", "[]", "{}", "null", '{"title":"a"}{}', "\ufeff{}", '{"title":"x","title":"y"}') },
);

export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant("application/json") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "application/json; charset=utf-8",
      "application/merge-patch+json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonx",
      "",
    ),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: nastyString.filter((s) => /^[\t\x20-\x7e]*$/.test(s)) },
);

/** encodeURIComponent that cannot throw: lone surrogates become U+FFFD first. */
export const encode = (s: string) =>
  encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"));

const QUERY_KEYS = ["status", "priority", "tag", "due_before", "due_after", "overdue", "q", "sort", "order", "limit", "cursor", "tz"];

/** A query string (`?…` or empty): known keys with plausible or hostile values, repeats, unknown keys. */
export const queryString: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...QUERY_KEYS) }, { weight: 1, arbitrary: nastyString }),
      fc.oneof(
        fc.constantFrom("all", "pending", "completed", ...PRIORITIES, ...TASK_SORTS, "asc", "desc", "true", "1", "0", "-1", "101", "UTC", "Europe/Paris", "Mars/Olympus"),
        isoDate,
        fc.integer().map(String),
        nastyString,
      ),
    ),
    { maxLength: 6 },
  )
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join("&")}` : ""));

/** One path segment, already encoded: ids (good, bad, huge) and hostile text. */
export const pathSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 50 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom("0", "01", "1.5", "1e3", "2147483648", "99999999999999999999", "0x10", "me", "..", ".", "%2F", "%00", "%", "counts", "complete") },
  { weight: 2, arbitrary: nastyString.map((s) => encode(s) || "x") },
);

/** Authorization header values that must all be refused (never crash). */
export const badAuthorization: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer null", "Bearer a.b.c", "Bearer ...", "Bearer eyJhbGciOiJub25lIn0.e30.", "Bearer " + "A".repeat(9000)),
  fc.tuple(fc.constantFrom("Bearer ", "bearer ", "Token ", ""), fc.base64String({ maxLength: 200 })).map(([s, v]) => s + v),
  fc
    .tuple(jsonValue, jsonValue, fc.base64String({ maxLength: 80 }))
    .map(([h, p, sig]) => `Bearer ${Buffer.from(JSON.stringify(h) ?? "").toString("base64url")}.${Buffer.from(JSON.stringify(p) ?? "").toString("base64url")}.${sig}`),
  nastyString.filter((s) => /^[\t\x20-\x7e]*$/.test(s)),
);

/** Extra request headers (printable values only: fetch refuses others before we see them). */
export const extraHeaders: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.constantFrom("accept", "accept-encoding", "x-request-id", "x-forwarded-for", "if-none-match", "range", "origin", "cookie", "x-http-method-override"),
  fc.oneof(fc.constantFrom("*/*", "text/html", "gzip", "bytes=0-1", "127.0.0.1", "1.2.3.4, 5.6.7.8", "null"), fc.string({ maxLength: 300 }).filter((s) => /^[\x20-\x7e]*$/.test(s))),
  { maxKeys: 3 },
);

/** Sign-in / sign-up bodies: mostly malformed; a few well-formed (they cost a password hash). */
export const authBody: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ email: fc.oneof(nastyString, jsonValue), password: fc.oneof(nastyString, jsonValue), name: fc.oneof(nastyString, jsonValue) }, { requiredKeys: [] }) },
  { weight: 2, arbitrary: jsonValue },
  { weight: 1, arbitrary: fc.record({ email: fc.emailAddress(), password: fc.string({ minLength: 0, maxLength: 140 }), name: fc.string({ maxLength: 20 }), rememberMe: jsonValue }) },
);

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
export const httpMethod = fc.constantFrom(...HTTP_METHODS);

/** The error shape every non-2xx JSON answer must have. */
export function isErrorShape(body: unknown): boolean {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof e?.code === "string" && typeof e.message === "string";
}

/** A response's body decoded as an HTTP client would: generated headers may ask for gzip. */
export async function bodyText(res: Response): Promise<string> {
  const raw = Buffer.from(await res.arrayBuffer());
  return (res.headers.get("content-encoding") === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
}
