/**
 * The OpenAPI document cannot drift from the server: every route the composed
 * Hono app registers is in it (or on the short list of non-REST routes below),
 * everything in it is a real route, and real answers — successes and errors —
 * from calling every documented operation validate against its schemas (ajv,
 * JSON Schema 2020-12, the dialect of OpenAPI 3.1). A new route without `doc(…)`
 * fails the first test; a new documented operation this file never calls fails
 * the last one, so add a call for it in `exercise` below.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { existsSync, readFileSync } from "node:fs";
import { MockTranscriptionModelV4 } from "ai/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Task } from "../../src/contracts/task.ts";
import * as z from "zod";
import { WEB_DIST } from "../../src/server/web.ts";
import { endpoints } from "../../web/src/lib/endpoints.ts";
import { oauthTokens } from "../support/oauth-flow.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

/** Routes that are not the REST API, each with the reason. Keep it short. */
const NOT_REST: { path: RegExp; why: string }[] = [
  {
    path: /^\/api\/auth\/\*$/,
    why: "Better Auth's own endpoints (cookie sessions, OAuth 2.1): its protocol, documented by Better Auth",
  },
  { path: /^\/api\/auth\/(oauth2|admin)\/\*$/, why: "the same Better Auth catch-all, with per-path CORS/limits" },
  { path: /^\/api\/auth\/jwks$/, why: "JWKS (RFC 7517)" },
  { path: /^\/\.well-known\//, why: "discovery documents (RFC 8414, RFC 9728) and the JWKS" },
  { path: /^\/mcp$/, why: "MCP Streamable HTTP (JSON-RPC), described by tools/list" },
  { path: /^\/?\*$/, why: "the web app's SPA fallback (HTML) and static files, when dist/web is built" },
];

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};
type Operation = {
  security?: unknown[];
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, "{$1}");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

let t: TestApp;
let doc: Doc;
let u: TestUser;
let other: TestUser;
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats.default(ajv);
const validators = new Map<unknown, ValidateFunction>();

/** Voice input's route needs a speech-to-text model to answer 200: a mock one. */
const transcription = {
  name: "mock:transcribe",
  model: new MockTranscriptionModelV4({
    doGenerate: () =>
      Promise.resolve({
        text: "documented",
        segments: [],
        language: "en",
        durationInSeconds: 1,
        warnings: [],
        response: { timestamp: new Date(), modelId: "mock" },
      }),
  }),
};

beforeAll(async () => {
  t = await createTestApp({}, { transcription });
  const res = await t.request("/api/openapi.json");
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toMatch(/public/);
  doc = (await res.json()) as Doc;
  [u, other] = await Promise.all([t.signUp("Documented"), t.signUp("Someone Else")]);
});
afterAll(() => t.close());

/** The schema with `#/components/schemas/…` refs made local, so ajv compiles it alone. */
function compile(schema: unknown): ValidateFunction {
  let v = validators.get(schema);
  if (!v) {
    const text = JSON.stringify(schema).replaceAll('"#/components/schemas/', '"#/$defs/');
    v = ajv.compile({ ...(JSON.parse(text) as object), $defs: doc.components.schemas });
    validators.set(schema, v);
  }
  return v;
}

/** Which operations were called with a success and with an error answer. */
const seen = new Map<string, Set<"ok" | "error">>();

/**
 * Calls a documented operation by its template path and checks the answer against the document:
 * its status must be documented, and a JSON body must match that status's schema.
 */
async function call(
  method: string,
  template: string,
  opts: {
    user?: TestUser | null;
    params?: Record<string, string | number>;
    query?: string;
    body?: unknown;
    raw?: string;
    headers?: Record<string, string>;
    /** An answer that counts as this operation's success (e.g. 404 for /api/docs before the web is built). */
    okStatus?: number;
  } = {},
) {
  const op = doc.paths[template]?.[method.toLowerCase()];
  expect(op, `${method} ${template} is not in the document`).toBeDefined();
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(opts.params?.[name] ?? (name === "user_id" ? "me" : `<${name}>`))),
  );
  const headers: Record<string, string> = { ...opts.headers };
  const user = opts.user === undefined ? u : opts.user;
  if (user) headers.authorization = `Bearer ${user.token}`;
  let body: string | undefined = opts.raw;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
    // What the test sends must itself be a valid request by the document, or a success proves nothing.
    const requestSchema = op!.requestBody?.content["application/json"]?.schema;
    if (requestSchema && !headers["x-expect-invalid"]) {
      const v = compile(requestSchema);
      expect(v(opts.body), `${method} ${template} request: ${ajv.errorsText(v.errors)}`).toBe(true);
    }
  }
  delete headers["x-expect-invalid"];
  const res = await t.request(`${path}${opts.query ? `?${opts.query}` : ""}`, { method, headers, body });
  const status = String(res.status);
  const answer = op!.responses[status];
  if (!answer)
    expect.fail(`${method} ${template} answered ${status}, which the document does not list: ${await res.text()}`);
  const type = res.headers.get("content-type") ?? "";
  let json: unknown;
  if (type.startsWith("application/json")) {
    json = await res.json();
    const schema = answer.content?.["application/json"]?.schema;
    expect(schema, `${method} ${template} ${status} sent JSON the document does not describe`).toBeDefined();
    const v = compile(schema);
    expect(
      v(json),
      `${method} ${template} ${status}: ${ajv.errorsText(v.errors)}\n${JSON.stringify(json).slice(0, 500)}`,
    ).toBe(true);
  } else if (res.status !== 204 && res.status !== 304) {
    const media = type.split(";")[0]!.trim();
    expect(
      answer.content?.[media],
      `${method} ${template} ${status} sent ${media}, which the document does not list`,
    ).toBeDefined();
    // Streams (SSE) are checked by their status and media type; /events never ends by itself, a chat turn does.
    if (template.endsWith("/events")) void res.body?.cancel().catch(() => {});
    else await res.text();
  }
  const key = `${method.toUpperCase()} ${template}`;
  const kinds = seen.get(key) ?? new Set();
  kinds.add(res.status < 400 || res.status === opts.okStatus ? "ok" : "error");
  seen.set(key, kinds);
  return { status: res.status, json: json as never, etag: res.headers.get("etag") };
}

describe("the document", () => {
  it("is OpenAPI 3.1 with a bearer JWT scheme and the shared error schema", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.bearer).toMatchObject({
      type: "http",
      scheme: "bearer",
      bearerFormat: "JWT",
    });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/{user_id}/tasks", "/api/config", "/healthz", "/api/openapi.json"]),
    );
    // Every schema in it compiles as JSON Schema 2020-12.
    for (const item of Object.values(doc.paths)) {
      for (const op of Object.values(item)) {
        for (const r of Object.values(op.responses)) for (const m of Object.values(r.content ?? {})) compile(m.schema);
        for (const m of Object.values(op.requestBody?.content ?? {})) compile(m.schema);
      }
    }
  });

  it("documents every route the app registers, and only those", () => {
    const registered = new Set<string>();
    const undocumented: string[] = [];
    for (const r of t.tickler.app.routes) {
      // `ALL` entries are middleware (app.use); REST handlers are registered per method.
      if (!METHODS.includes(r.method)) continue;
      const path = toOpenApiPath(r.path);
      registered.add(`${r.method} ${path}`);
      if (doc.paths[path]?.[r.method.toLowerCase()]) continue;
      if (NOT_REST.some((n) => n.path.test(path))) continue;
      undocumented.push(`${r.method} ${r.path}`);
    }
    expect(undocumented, "routes without doc(…) next to them (src/http/openapi.ts)").toEqual([]);
    const stale = Object.entries(doc.paths)
      .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`))
      .filter((k) => !registered.has(k));
    expect(stale, "documented operations with no route").toEqual([]);
  });

  it("names the request headers the routes read: If-None-Match (304), X-Time-Zone, Idempotency-Key", () => {
    const headers = (path: string, method: string) =>
      (doc.paths[path]?.[method]?.parameters ?? []).filter((p) => p.in === "header").map((p) => p.name);
    const T = "/api/{user_id}/tasks";
    for (const path of [T, `${T}/counts`]) {
      expect(headers(path, "get")).toContain("If-None-Match");
      expect(Object.keys(doc.paths[path]!.get!.responses)).toContain("304");
    }
    expect(headers(T, "post")).toEqual(expect.arrayContaining(["Idempotency-Key", "X-Time-Zone"]));
    for (const [path, method] of [
      [`${T}/{id}`, "patch"],
      [`${T}/{id}/skip`, "post"],
      [`${T}/occurrences`, "get"],
    ] as const)
      expect(headers(path, method)).toContain("X-Time-Zone");
  });

  it("marks exactly the public routes as needing no token", () => {
    const open = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op.security?.length === 0)
        .map(([m]) => `${m.toUpperCase()} ${path}`),
    );
    expect(open.sort()).toEqual([
      "GET /api/config",
      "GET /api/docs",
      "GET /api/openapi.json",
      "GET /cal/{file}",
      "GET /healthz",
      "GET /readyz",
    ]);
  });
});

describe("the web app's typed client", () => {
  const jsonSchema = (schema: z.ZodType, io: "input" | "output") => {
    const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
    return rest;
  };
  it.each(Object.entries(endpoints))("%s is the documented operation, with the same contracts", (_name, e) => {
    const op = doc.paths[e.path]?.[e.method.toLowerCase()];
    expect(op, `${e.method} ${e.path} is not in the document`).toBeDefined();
    const answer = op!.responses[String(e.status)];
    expect(answer, `${e.method} ${e.path} does not answer ${e.status}`).toBeDefined();
    if (e.response) expect(answer!.content?.["application/json"]?.schema).toEqual(jsonSchema(e.response, "output"));
    if (e.body) expect(op!.requestBody?.content["application/json"]?.schema).toEqual(jsonSchema(e.body, "input"));
    else if (e.raw) expect(Object.keys(op!.requestBody?.content ?? {})).toEqual(expect.arrayContaining([...e.raw]));
    else expect(op!.requestBody).toBeUndefined();
    const queryNames = (op!.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
    expect(queryNames).toEqual(e.query ? Object.keys(jsonSchema(e.query, "input").properties ?? {}) : []);
  });
});

describe("real answers match the document", () => {
  it("every documented operation, with a success and an error", async () => {
    await exercise();
    // Every authenticated operation refuses a missing token with the documented 401.
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (op.security?.length === 0) continue;
        const { status } = await call(method.toUpperCase(), path, {
          user: null,
          params: { id: 1, client_id: "x", call_id: "x" },
        });
        expect(status, `${method} ${path} without a token`).toBe(401);
      }
    }
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const kinds = seen.get(`${method.toUpperCase()} ${path}`);
        if (!kinds?.has("ok")) missing.push(`${method.toUpperCase()} ${path}: no success`);
        if (op.security?.length !== 0 && !kinds?.has("error"))
          missing.push(`${method.toUpperCase()} ${path}: no error`);
      }
    }
    expect(missing, "documented operations this test never exercised: add a call in exercise()").toEqual([]);
  });
});

/** One real call (or more) per documented operation; the answers are checked by `call`. */
async function exercise() {
  const T = "/api/{user_id}/tasks";
  // Public.
  await call("GET", "/healthz", { user: null });
  await call("GET", "/readyz", { user: null });
  await call("GET", "/api/config", { user: null });
  await call("GET", "/api/openapi.json", { user: null });
  const built = existsSync(`${WEB_DIST}/api-docs/scalar.js`);
  expect((await call("GET", "/api/docs", { user: null, okStatus: built ? undefined : 404 })).status).toBe(
    built ? 200 : 404,
  );

  // Tasks.
  const a: Task = (
    await call("POST", T, {
      body: { title: "Documented", tags: ["api"], due_at: "2026-12-01T09:00:00+01:00" },
      headers: { "idempotency-key": "doc-1" },
    })
  ).json;
  const b: Task = (await call("POST", T, { body: { title: "Child", parent_id: a.id } })).json;
  await call("POST", T, { body: { title: "" }, headers: { "x-expect-invalid": "1" } });
  await call("POST", T, { raw: "{not json", headers: { "content-type": "application/json" } });
  await call("POST", T, { raw: "title=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
  await call("GET", T, { query: "status=pending&tag=api&sort=due_at&limit=2" });
  await call("GET", T, { query: "limit=0" });
  await call("GET", T, { user: other, params: { user_id: u.id } }); // another user's id: 403
  await call("GET", `${T}/counts`, { query: "tz=Europe/Paris" });
  await call("GET", `${T}/counts`, { query: "tz=Not/AZone" });
  // Conditional GETs: the list and the counts answer 304 while their ETag is current.
  for (const [path, query] of [
    [T, "status=pending"],
    [`${T}/counts`, "tz=Europe/Paris"],
  ] as const) {
    const { etag } = await call("GET", path, { query });
    expect(etag, `GET ${path} sends an ETag`).toBeTruthy();
    const again = await call("GET", path, { query, headers: { "if-none-match": etag! } });
    expect(again.status, `GET ${path} with its own ETag`).toBe(304);
  }
  await call("GET", `${T}/{id}`, { params: { id: a.id } });
  await call("GET", `${T}/{id}`, { user: other, params: { id: a.id } }); // another user's task: 404
  await call("GET", `${T}/{id}`, { params: { id: "abc" } });
  await call("PUT", `${T}/{id}`, { params: { id: a.id }, body: { title: "Replaced", priority: "high" } });
  await call("PUT", `${T}/{id}`, { params: { id: 999999 }, body: { title: "Nobody" } });
  await call("PATCH", `${T}/{id}`, { params: { id: a.id }, body: { description: "more", due_at: null } });
  await call("PATCH", `${T}/{id}`, { params: { id: a.id }, body: { nope: 1 }, headers: { "x-expect-invalid": "1" } });
  const done = await call("PATCH", `${T}/{id}/complete`, { params: { id: a.id }, body: { completed: true } });
  expect(done.json).toMatchObject({ completed: true, completed_subtask_ids: [b.id] });
  await call("PATCH", `${T}/{id}/complete`, { params: { id: a.id }, raw: "" }); // toggles back
  await call("PATCH", `${T}/{id}/complete`, { params: { id: 999999 }, body: {} });
  await call("POST", `${T}/move`, { body: { ids: [b.id], parent_id: null } });
  await call("POST", `${T}/move`, { body: { ids: [a.id], parent_id: a.id } }); // a cycle: 422
  await call("POST", `${T}/bulk`, { body: { ids: [a.id, b.id], set: { priority: "low" } } });
  await call("POST", `${T}/bulk`, { body: { ids: [999999], delete: true } });
  await call("POST", `${T}/bulk`, { body: { ids: [b.id], delete: true } });

  // Reminders: snooze, Web Push subscriptions, delivery settings.
  const reminded: Task = (
    await call("POST", T, {
      body: { title: "Reminded", due_at: "2030-01-01T09:00:00Z", reminders: [{ before_minutes: 30 }] },
    })
  ).json;
  const reminderId = reminded.reminders![0]!.id;
  const snooze = "/api/{user_id}/reminders/{id}/snooze";
  await call("POST", snooze, { params: { id: reminderId }, body: { minutes: 10 } });
  await call("POST", snooze, { user: other, params: { id: reminderId }, body: { minutes: 10 } }); // 404
  await call("POST", snooze, { params: { id: "not-a-uuid" }, body: { minutes: 10 } });
  const P = "/api/{user_id}/push-subscriptions";
  const endpoint = "https://push.example.com/send/documented";
  const keys = { p256dh: `B${"A".repeat(86)}`, auth: "A".repeat(22) };
  await call("POST", P, { body: { endpoint, expirationTime: null, keys } });
  await call("POST", P, {
    body: { endpoint: "http://push.example.com/x", keys },
    headers: { "x-expect-invalid": "1" },
  });
  await call("DELETE", P, { body: { endpoint } });
  await call("DELETE", P, { body: { endpoint } }); // already gone: 404
  const R = "/api/{user_id}/reminder-settings";
  await call("GET", R);
  await call("GET", R, { user: other, params: { user_id: u.id } }); // another user's id: 403
  await call("PUT", R, { body: { email: true } });
  await call("PUT", R, { body: { email: "yes" }, headers: { "x-expect-invalid": "1" } });

  // Lists and sections.
  const L = "/api/{user_id}/lists";
  const list = (await call("POST", L, { body: { name: "Work", color: "blue" } })).json as { id: number };
  await call("POST", L, { body: { name: "Work" } }); // 409 list_name_taken
  await call("GET", L, { query: "archived=false" });
  await call("GET", L, { query: "archived=maybe" });
  await call("GET", `${L}/{id}`, { params: { id: list.id } });
  await call("GET", `${L}/{id}`, { params: { id: 999999 } });
  await call("PATCH", `${L}/{id}`, { params: { id: list.id }, body: { name: "Work stuff" } });
  await call("PATCH", `${L}/{id}`, {
    params: { id: list.id },
    body: { color: "plaid" },
    headers: { "x-expect-invalid": "1" },
  });
  const section = (await call("POST", `${L}/{id}/sections`, { params: { id: list.id }, body: { name: "Doing" } }))
    .json as { id: number };
  await call("POST", `${L}/{id}/sections`, { params: { id: 999999 }, body: { name: "Nowhere" } });
  await call("GET", `${L}/{id}/sections`, { params: { id: list.id } });
  await call("GET", `${L}/{id}/sections`, { params: { id: 999999 } });
  const S = "/api/{user_id}/sections/{id}";
  await call("GET", S, { params: { id: section.id } });
  await call("GET", S, { user: other, params: { id: section.id } });
  await call("PATCH", S, { params: { id: section.id }, body: { name: "Done" } });
  await call("PATCH", S, { params: { id: 999999 }, body: { name: "Done" } });
  await call("POST", T, { body: { title: "In a list", list_id: list.id } });
  await call("DELETE", `${L}/{id}`, { params: { id: list.id } }); // 409 list_not_empty
  await call("DELETE", S, { params: { id: section.id } });
  await call("DELETE", S, { params: { id: section.id } });
  await call("DELETE", `${L}/{id}`, { params: { id: list.id }, query: "tasks=delete" });
  await call("DELETE", `${T}/{id}`, { params: { id: a.id } });
  await call("DELETE", `${T}/{id}`, { params: { id: a.id } });

  // The assistant, conversations, ChatKit.
  const turn = await call("POST", "/api/{user_id}/chat", { body: { message: "add water the plants tomorrow" } });
  const conversationId = (turn.json as { conversation_id: string }).conversation_id;
  await call("POST", "/api/{user_id}/chat", { body: { message: "" }, headers: { "x-expect-invalid": "1" } });
  await call("POST", "/api/{user_id}/chat", {
    body: { message: "and this?" },
    headers: { accept: "text/event-stream" },
  });
  const C = "/api/{user_id}/conversations";
  await call("GET", C, { query: "limit=5" });
  await call("GET", C, { query: "limit=500" });
  const full = (await call("GET", `${C}/{id}`, { params: { id: conversationId } })).json as {
    messages: { tool_calls: { id: string }[] }[];
  };
  await call("GET", `${C}/{id}`, { user: other, params: { id: conversationId } });
  await call("PATCH", `${C}/{id}`, { params: { id: conversationId }, body: { title: "Plants" } });
  await call("PATCH", `${C}/{id}`, {
    params: { id: conversationId },
    body: { title: "" },
    headers: { "x-expect-invalid": "1" },
  });
  const callId = full.messages.flatMap((m) => m.tool_calls)[0]?.id;
  expect(callId, "the offline assistant's turn made a tool call").toBeDefined();
  const U = `${C}/{id}/tool-calls/{call_id}/undone`;
  await call("POST", U, { params: { id: conversationId, call_id: callId! }, body: { note: "removed it" } });
  await call("POST", U, { params: { id: conversationId, call_id: "nope" }, body: {} });
  const TR = "/api/{user_id}/chat/transcribe";
  const heard = await call("POST", TR, {
    raw: "RIFF\u0000\u0000\u0000\u0000WAVEfmt ",
    headers: { "content-type": "audio/wav" },
  });
  expect(heard.json).toEqual({ text: "documented" });
  await call("POST", TR, { raw: "hello", headers: { "content-type": "text/plain" } }); // 415
  await call("POST", "/api/chatkit", {
    body: { type: "input.transcribe", params: { audio_base64: "UklGRg==", mime_type: "audio/wav" } },
  });
  await call("POST", "/api/chatkit", { body: { type: "threads.list", params: { limit: 2 } } });
  await call("POST", "/api/chatkit", { body: { type: "threads.get_by_id", params: { thread_id: "cthr_nope" } } });
  await call("DELETE", `${C}/{id}`, { params: { id: conversationId } });
  await call("DELETE", `${C}/{id}`, { params: { id: conversationId } });

  // Calendar: the secret feed, and projected occurrences.
  const T2 = "/api/{user_id}/tasks";
  await call("GET", "/api/{user_id}/calendar-feed");
  const feed = (await call("POST", "/api/{user_id}/calendar-feed")).json as { url: string };
  await call("GET", "/cal/{file}", { user: null, params: { file: feed.url.split("/").pop()! } });
  await call("GET", "/cal/{file}", { user: null, params: { file: "nope.ics" } });
  await call("DELETE", "/api/{user_id}/calendar-feed");
  await call("GET", `${T2}/occurrences`, { query: "from=2026-12-01T00:00:00Z&to=2026-12-08T00:00:00Z" });
  await call("GET", `${T2}/occurrences`, { query: "from=yesterday" });

  // Recurrence: a repeating task (read in the header's zone), skipping an occurrence, the stored zone.
  const weekly: Task = (
    await call("POST", T2, {
      body: { title: "Water the plants", due_at: "2030-01-07T08:00:00Z", recurrence: { text: "every monday at 9am" } },
      headers: { "x-time-zone": "Europe/Berlin" },
    })
  ).json;
  expect(weekly.recurrence).toMatchObject({ from: "due" });
  await call("POST", T2, {
    body: { title: "Never", recurrence: { text: "whenever the moon is blue" } },
  }); // 422 invalid_recurrence
  await call("GET", `${T2}/occurrences`, {
    query: "from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z&tz=Europe/Berlin",
  });
  await call("POST", `${T2}/{id}/skip`, { params: { id: weekly.id }, raw: "" });
  await call("POST", `${T2}/{id}/skip`, { params: { id: weekly.id }, body: {} });
  await call("POST", `${T2}/{id}/skip`, { params: { id: reminded.id }, body: {} }); // not recurring: 409
  await call("POST", `${T2}/{id}/skip`, { user: other, params: { id: weekly.id }, body: {} }); // 404
  const SET = "/api/{user_id}/settings";
  await call("GET", SET);
  await call("GET", SET, { user: other, params: { user_id: u.id } }); // another user's id: 403
  await call("PATCH", SET, { body: { time_zone: "Europe/Berlin" } });
  await call("PATCH", SET, { body: { time_zone: "Mars/Olympus" } }); // unknown zone: 422

  // Live updates: the stream opens (checked by its status and media type, then closed).
  await call("GET", "/api/{user_id}/events");

  // Account: export (JSON, CSV) and import (a file as the body).
  await call("GET", "/api/{user_id}/export");
  await call("GET", "/api/{user_id}/export", { query: "format=csv" });
  await call("GET", "/api/{user_id}/export", { query: "format=xml" });
  const csv = readFileSync(new URL("../fixtures/import/todoist-template.csv", import.meta.url), "utf8");
  const file = { raw: csv, headers: { "content-type": "text/csv" } };
  await call("POST", "/api/{user_id}/import/preview", { query: "format=todoist-csv&list=Imported", ...file });
  await call("POST", "/api/{user_id}/import/preview", { query: "format=word", ...file });
  await call("POST", "/api/{user_id}/import", { query: "format=todoist-csv&list=Imported", ...file });
  await call("POST", "/api/{user_id}/import", {
    query: "format=tickler-json",
    raw: "{}",
    headers: { "content-type": "application/json" },
  });
  await call("GET", "/api/{user_id}/connected-apps");
  await call("DELETE", "/api/{user_id}/connected-apps/{client_id}", { params: { client_id: "not-a-client" } });
  const { clientId } = await oauthTokens(t, u);
  await call("DELETE", "/api/{user_id}/connected-apps/{client_id}", { params: { client_id: clientId } });
}
