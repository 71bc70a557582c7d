/**
 * The OpenAPI 3.1 document, built from the same zod contracts the routes
 * validate with. Each route carries its own description as one middleware next
 * to it (`doc({...})`, hono-openapi's describeRoute underneath); the document
 * walks the composed app's routes on the first request to /api/openapi.json, so
 * no schema is converted at start-up. A route without `doc` is missing from the
 * document, and tests/api/openapi.test.ts fails for it.
 */
import type { Context, Hono, MiddlewareHandler } from "hono";
import { describeRoute, generateSpecs, resolver } from "hono-openapi";
import * as z from "zod";
import { ErrorBody } from "../contracts/error.ts";

type Schema = z.ZodType;
/** A success answer: its schema, `null` for no body (204), or the long form. */
export type Answer =
  | Schema
  | null
  | {
      description?: string;
      schema?: Schema;
      /** Other media types of the same answer (e.g. `text/event-stream`: `null` when not JSON). */
      also?: Record<string, Schema | null>;
      headers?: Record<string, string>;
    };

export interface RouteDoc {
  summary: string;
  description?: string;
  /** Callable without a Bearer token. */
  public?: boolean;
  /** Typed path parameters; any other `{name}` in the path is documented as a string. */
  params?: Record<string, Schema>;
  query?: Schema;
  body?: Schema;
  /** A body that is a file, not JSON: its media types (e.g. an import's CSV or JSON), each read as text. */
  rawBody?: string[];
  /** An empty body is allowed too (e.g. PATCH …/complete toggles). */
  bodyOptional?: boolean;
  /** Honours `Idempotency-Key` (creates and bulk writes). */
  idempotent?: boolean;
  /** Reads dates and recurrences in the `X-Time-Zone` header's zone (else the user's stored one). */
  zoned?: boolean;
  /** Answers with an `ETag` and honours `If-None-Match` (304 when unchanged): resource/etag.ts. */
  revalidates?: boolean;
  responses: Record<number, Answer>;
  /** Error statuses this route answers besides the ones its shape implies (auth, validation). */
  errors?: number[];
}

const ERROR_TEXT: Record<number, string> = {
  400: "Malformed request (e.g. the body is not JSON, a bad Idempotency-Key)",
  401: "Missing, invalid, expired or revoked token (`WWW-Authenticate` says which)",
  403: "The path's user is not the token's subject (use `me`), or the account's row limit is reached",
  404: "Not found — also anything that belongs to another user",
  409: "Conflict with the current state",
  413: "The body is larger than BODY_LIMIT_BYTES",
  415: "The body's media type is not one this operation takes (application/json unless it lists others)",
  422: "The input breaks the contract; `details` lists each problem with its path",
  429: "Rate limited; `Retry-After` says when to try again",
  501: "Not configured on this server (e.g. no speech-to-text model for voice input)",
  502: "The assistant's model failed",
  503: "Temporarily unavailable (starting, draining, the database or the key set unreachable)",
  504: "The assistant's model timed out",
};

const ERROR_REF = { $ref: "#/components/schemas/Error" } as const;
const errorResponse = (status: number) => ({
  description: ERROR_TEXT[status] ?? "Error",
  content: { "application/json": { schema: ERROR_REF } },
});
const VALIDATORS = {
  ETag: { description: "A weak tag of this answer; send it back as `If-None-Match`", schema: { type: "string" } },
  "Cache-Control": {
    description: "`private, no-cache`: store it, but revalidate every time",
    schema: { type: "string" },
  },
};
const out = (schema: Schema) => resolver(schema, { options: { io: "output" } });

function answer(a: Answer, status: number) {
  if (a === null) return { description: status === 204 ? "No content" : "Empty" };
  const long = a instanceof z.ZodType ? { schema: a } : a;
  const headers =
    long.headers &&
    Object.fromEntries(
      Object.entries(long.headers).map(([k, d]) => [k, { description: d, schema: { type: "string" } }]),
    );
  const others = Object.fromEntries(
    Object.entries(long.also ?? {}).map(([type, s]) => [type, s ? { schema: out(s) } : { schema: { type: "string" } }]),
  );
  return {
    description: long.description ?? "OK",
    ...(headers ? { headers } : {}),
    ...(long.schema || long.also
      ? { content: { ...(long.schema ? { "application/json": { schema: out(long.schema) } } : {}), ...others } }
      : {}),
  };
}

/**
 * Describes one route. `tag` groups the routes of one file in the reference
 * page: `const doc = docs("Tasks")`, then `app.get("/", doc({...}), handler)`.
 */
export function docs(tag: string) {
  return (d: RouteDoc): MiddlewareHandler => {
    const errors = new Set(d.errors);
    if (!d.public) errors.add(401);
    if (d.body) [400, 413, 415, 422].forEach((s) => errors.add(s));
    if (d.rawBody) [413, 422].forEach((s) => errors.add(s));
    if (d.query || d.params) errors.add(422);
    if (d.idempotent) [400, 409, 422].forEach((s) => errors.add(s));
    const responses: Record<string, unknown> = {};
    for (const [status, a] of Object.entries(d.responses)) responses[status] = answer(a, Number(status));
    if (d.revalidates) {
      for (const [status, r] of Object.entries(responses)) {
        if (status.startsWith("2"))
          (r as { headers?: object }).headers = { ...(r as { headers?: object }).headers, ...VALIDATORS };
      }
      responses["304"] ??= {
        description: "Not modified: the `If-None-Match` tag is still current (no body)",
        headers: VALIDATORS,
      };
    }
    for (const s of [...errors].sort()) responses[String(s)] ??= errorResponse(s);
    const spec: Record<string, unknown> = {
      tags: [tag],
      summary: d.summary,
      ...(d.description ? { description: d.description } : {}),
      ...(d.public ? { security: [] } : {}),
      responses,
      // Converted when the document is built (see pendingParameters): kept as zod until then.
      ...(d.query ? { "x-query": d.query } : {}),
      ...(d.params ? { "x-params": d.params } : {}),
      ...(d.idempotent ? { "x-idempotent": true } : {}),
      ...(d.revalidates ? { "x-revalidates": true } : {}),
      ...(d.zoned ? { "x-zoned": true } : {}),
    };
    if (d.rawBody) {
      spec.requestBody = {
        required: true,
        content: Object.fromEntries(d.rawBody.map((type) => [type, { schema: { type: "string" } }])),
      };
    }
    if (d.body)
      spec.requestBody = { required: !d.bodyOptional, content: { "application/json": { schema: resolver(d.body) } } };
    return describeRoute(spec);
  };
}

/** OpenAPI 3.1 documents are 2020-12 already; a `$schema` inside them is noise. */
const withoutDialect = ({ $schema: _dialect, ...rest }: Record<string, unknown>) => rest;

type JsonSchema = { properties?: Record<string, JsonSchema>; required?: string[]; description?: string } & Record<
  string,
  unknown
>;
const jsonSchema = (s: Schema, io: "input" | "output") =>
  z.toJSONSchema(s, { io, unrepresentable: "any" }) as JsonSchema;
const USER_ID = {
  required: true,
  description: "Your user id (the token's `sub`), or `me`",
  schema: { type: "string", examples: ["me"] },
};

function parametersOf(where: "query" | "path", schema: JsonSchema) {
  return Object.entries(schema.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      in: where,
      name,
      required: where === "path" || Boolean(schema.required?.includes(name)),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

type Operation = Record<string, unknown> & { parameters?: { in: string; name: string }[] };

/** Turns the zod query/path schemas left on each operation into OpenAPI parameters. */
function pendingParameters(op: Operation, perUser: boolean) {
  // Another user's id in the path is 403 on every per-user route.
  const responses = op.responses as Record<string, unknown>;
  if (perUser) responses["403"] ??= errorResponse(403);
  const params: { in: string; name: string }[] = [...(op.parameters ?? [])];
  const put = (p: { in: string; name: string }) => {
    const i = params.findIndex((q) => q.in === p.in && q.name === p.name);
    if (i >= 0) params[i] = p;
    else params.push(p);
  };
  const typed = op["x-params"] as Record<string, Schema> | undefined;
  // Path parameters as the handler reads them (after coercion from the path's text).
  if (typed) parametersOf("path", jsonSchema(z.object(typed), "output")).forEach(put);
  if (perUser) put({ in: "path", name: "user_id", ...USER_ID });
  const query = op["x-query"] as Schema | undefined;
  if (query) parametersOf("query", jsonSchema(query, "input")).forEach(put);
  if (op["x-idempotent"]) {
    put({
      in: "header",
      name: "Idempotency-Key",
      description:
        "1–255 printable ASCII characters: a retry with the same key and body within 24 h gets the first answer again (`Idempotent-Replayed: true`)",
      schema: { type: "string", pattern: "^[\\x21-\\x7e]{1,255}$" },
    } as { in: string; name: string });
  }
  if (op["x-revalidates"]) {
    put({
      in: "header",
      name: "If-None-Match",
      description: "The `ETag` of an earlier answer: 304 without a body while it is still current",
      schema: { type: "string" },
    } as { in: string; name: string });
  }
  if (op["x-zoned"]) {
    put({
      in: "header",
      name: "X-Time-Zone",
      description:
        "IANA time zone for this request's dates and recurrences (`?tz=` wins); without either, your stored zone (GET …/settings)",
      schema: { type: "string", maxLength: 64 },
    } as { in: string; name: string });
  }
  delete op["x-zoned"];
  delete op["x-revalidates"];
  delete op["x-params"];
  delete op["x-query"];
  delete op["x-idempotent"];
  if (params.length) op.parameters = params;
}

export interface DocumentInfo {
  title: string;
  version: string;
  description?: string;
}

export async function buildOpenApiDocument(app: { routes: Hono["routes"] }, info: DocumentInfo) {
  const spec = await generateSpecs(app as unknown as Hono, {
    documentation: {
      info,
      components: {
        securitySchemes: {
          bearer: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "JWT",
            description: "An access token from `GET /api/auth/token` (15 min, EdDSA)",
          },
        },
        schemas: { Error: withoutDialect(z.toJSONSchema(ErrorBody, { io: "output" })) as never },
      },
      security: [{ bearer: [] }],
    },
    defaultValidationErrorResponse: false,
    // Keeps /api/openapi.json itself (its last segment looks like a file).
    excludeStaticFile: false,
  });
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const op of Object.values(item ?? {}) as Operation[]) {
      if (!op || typeof op !== "object") continue;
      pendingParameters(op, path.includes("{user_id}"));
    }
  }
  return spec;
}

/** `GET /api/openapi.json`: public and cacheable; built once, on first use. */
export function openApiRoute(app: { routes: Hono["routes"] }, info: DocumentInfo) {
  let doc: Promise<unknown> | undefined;
  return async (c: Context) => {
    doc ??= buildOpenApiDocument(app, info).catch((err: unknown) => {
      doc = undefined;
      throw err;
    });
    const body = await doc;
    c.header("cache-control", "public, max-age=300");
    return c.json(body as object);
  };
}
