/**
 * `Idempotency-Key` for writes that create (POST /tasks, bulk writes): the first
 * request with a key claims it in the database and stores its answer; a retry
 * with the same key and the same request gets that answer back (status, body,
 * Location) with `Idempotent-Replayed: true` and never writes twice. The same key
 * with a different request is 422; while the first request still runs, a second
 * one is 409 (retry shortly). Keys are per user and live 24 h; expired rows are
 * swept now and then. Nothing is kept in process memory, so any replica can answer.
 *
 * 5xx answers are not stored (the claim is released), so a retry after a server
 * fault runs again. A process that dies mid-request leaves a claim that another
 * request may take over after CLAIM_STALE_SECONDS.
 */
import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Db } from "../db/client.ts";
import { idempotencyKeys } from "../db/schema/idempotency.ts";
import { HttpError } from "../http/errors.ts";
import type { AuthEnv } from "./require-user.ts";

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const CLAIM_STALE_SECONDS = 60;
/** Roughly one claim in this many also deletes expired rows. */
const SWEEP_EVERY = 200;
/** Printable ASCII, 1–255 chars (a UUID, a ULID, any client-made token). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ["content-type", "location"] as const;

export interface IdempotencyOptions {
  db: Db;
  /** Only these methods honour the header (others ignore it). */
  methods?: readonly string[];
}

export function idempotency({ db, methods = ["POST"] }: IdempotencyOptions): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (key === undefined || !methods.includes(c.req.method)) return next();
    if (!KEY_PATTERN.test(key)) {
      throw new HttpError(400, "invalid_idempotency_key", "Idempotency-Key must be 1–255 printable ASCII characters");
    }
    const userId = c.var.user.id;
    // The path with the user segment normalised: "/api/me/tasks" and "/api/<id>/tasks" are one route.
    const route = c.req.path.replace(/^\/api\/[^/]+\//, "/api/:user/");
    const hash = createHash("sha256").update(`${c.req.method} ${route}\n${await c.req.text()}`).digest("hex");

    const k = idempotencyKeys;
    // Claim the key, or take over one that expired or whose first request died.
    const claimed = await db
      .insert(k)
      .values({ userId, key, requestHash: hash, expiresAt: sql`now() + make_interval(secs => ${IDEMPOTENCY_TTL_SECONDS})` })
      .onConflictDoUpdate({
        target: [k.userId, k.key],
        set: { requestHash: hash, status: null, body: null, headers: null, createdAt: sql`now()`, expiresAt: sql`excluded.expires_at` },
        setWhere: sql`${k.expiresAt} <= now() or (${k.status} is null and ${k.createdAt} < now() - make_interval(secs => ${CLAIM_STALE_SECONDS}))`,
      })
      .returning({ key: k.key });
    if (Math.random() * SWEEP_EVERY < 1) void sweepIdempotencyKeys(db);

    if (claimed.length === 0) {
      const [row] = await db.select().from(k).where(and(eq(k.userId, userId), eq(k.key, key)));
      if (!row) throw new HttpError(409, "idempotency_conflict", "this Idempotency-Key is being reused right now; retry", undefined, { "retry-after": "1" });
      if (row.requestHash !== hash) {
        throw new HttpError(422, "idempotency_key_reused", "this Idempotency-Key was already used with a different request; use a new key");
      }
      if (row.status === null) {
        throw new HttpError(409, "idempotency_in_progress", "a request with this Idempotency-Key is still running; retry", undefined, { "retry-after": "1" });
      }
      const headers: Record<string, string> = { ...(JSON.parse(row.headers ?? "{}") as Record<string, string>), "idempotent-replayed": "true" };
      return c.body(row.body ?? "", row.status as ContentfulStatusCode, headers);
    }

    await next();
    const res = c.res;
    if (res.status >= 500) {
      await db.delete(k).where(and(eq(k.userId, userId), eq(k.key, key))).catch(() => {});
      return;
    }
    const headers = Object.fromEntries(REPLAYED_HEADERS.flatMap((h) => (res.headers.has(h) ? [[h, res.headers.get(h)!]] : [])));
    await db
      .update(k)
      .set({ status: res.status, body: await res.clone().text(), headers: JSON.stringify(headers) })
      .where(and(eq(k.userId, userId), eq(k.key, key)));
  };
}

/** Deletes expired keys; failures only delay the cleanup. */
export async function sweepIdempotencyKeys(db: Db): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.expiresAt, sql`now()`))
    .catch(() => {});
}
