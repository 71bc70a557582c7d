/**
 * Fuzzes every REST endpoint with generated bodies, query strings, headers,
 * methods and path segments: answers are 2xx where the input is valid and 4xx
 * otherwise, never 5xx, always in the one error shape; afterwards the database
 * holds exactly the creates that were acknowledged.
 */
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TaskCreate, TaskPage } from "../../src/contracts/task.ts";
import { tasks } from "../../src/db/schema/tasks.ts";
import { createTestApp, TEST_ORIGIN, type TestApp, type TestUser } from "../support/test-app.ts";
import {
  authBody,
  bodyText,
  badAuthorization,
  contentType,
  encode,
  extraHeaders,
  httpMethod,
  isErrorShape,
  jsonValue,
  pathSegment,
  queryString,
  rawBody,
} from "./arbitraries.ts";

/** Generous per-property budget; each test stays well under ~30 s. */
const TIME_LIMIT_MS = 20_000;
const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;

let t: TestApp;
let creator: TestUser;
let editor: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  [creator, editor, stranger] = [await t.signUp("Creator"), await t.signUp("Editor"), await t.signUp("Stranger")];
  for (let i = 0; i < 5; i++) await t.api(editor, "POST", "/api/me/tasks", { title: `seed ${i}`, tags: ["seed"] });
  await t.api(stranger, "POST", "/api/me/tasks", { title: "stranger's secret" });
});
afterAll(() => t.close());

/** Sends a request; returns status, content type and the parsed JSON body (if any). */
async function send(method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  const hasBody = init.body !== undefined && !["GET", "HEAD"].includes(method);
  const res = await t.request(path, { method, headers: init.headers, body: hasBody ? init.body : undefined });
  const type = res.headers.get("content-type") ?? "";
  const text = await bodyText(res);
  record(res.status);
  let json: unknown;
  if (type.includes("json") && text) json = JSON.parse(text); // a JSON content type must carry valid JSON
  return { status: res.status, type, json, text };
}

/** Never 5xx; our API's errors always use the one shape. */
function expectSane(r: Awaited<ReturnType<typeof send>>, where: string) {
  expect(r.status, `${where} → ${r.status} ${r.text.slice(0, 300)}`).toBeLessThan(500);
  if (r.status >= 400 && r.json !== undefined) expect(isErrorShape(r.json), `${where}: ${r.text.slice(0, 200)}`).toBe(true);
}

/** Statuses seen per test, printed so a run shows what it exercised. */
const seen = new Map<number, number>();
const record = (status: number) => seen.set(status, (seen.get(status) ?? 0) + 1);
afterEach((ctx) => {
  if (seen.size) console.info(`${ctx.task.name.slice(0, 40)}…: ${[...seen].sort().map(([s, n]) => `${s}×${n}`).join(" ")}`);
  seen.clear();
});

const run = <T>(arb: fc.Arbitrary<T>, numRuns: number, check: (v: T) => Promise<void>) =>
  fc.assert(fc.asyncProperty(arb, check), { numRuns, interruptAfterTimeLimit: TIME_LIMIT_MS, endOnFailure: true });

describe("REST fuzzing", () => {
  it("POST /tasks: 201 exactly when the contract accepts the body, else 4xx; the database holds exactly the 201s", async () => {
    const acknowledged = new Map<number, string>();
    await run(fc.tuple(rawBody, contentType), 3000, async ([body, type]) => {
      const headers: Record<string, string> = { authorization: creator.headers.authorization! };
      if (type !== undefined) headers["content-type"] = type;
      const r = await send("POST", "/api/me/tasks", { headers, body });
      expectSane(r, `POST ${type} ${body.slice(0, 80)}`);
      let expected: number;
      if (!JSON_TYPE.test(type ?? "")) expected = 415;
      else {
        let value: unknown;
        try {
          value = JSON.parse(body.replace(/^\ufeff/, "")); // the server decodes UTF-8 and drops a BOM
          expected = TaskCreate.safeParse(value).success ? 201 : 422;
        } catch {
          expected = 400;
        }
      }
      expect(r.status, body.slice(0, 200)).toBe(expected);
      if (r.status === 201) {
        const task = r.json as { id: number; title: string };
        expect(acknowledged.has(task.id)).toBe(false);
        acknowledged.set(task.id, task.title);
      }
    });
    const rows = await t.tickler.database.db.select().from(tasks).where(eq(tasks.userId, creator.id));
    expect(new Map(rows.map((r) => [r.id, r.title]))).toEqual(acknowledged);
  }, 30_000);

  it("any method on /tasks/{segment}[/complete] with any body: never 5xx, and never touches another user", async () => {
    const suffix = fc.constantFrom("", "/complete", "/", "/complete/x", "/..");
    await run(fc.tuple(httpMethod, pathSegment, suffix, rawBody, contentType, queryString), 3000, async ([method, seg, sfx, body, type, qs]) => {
      const headers: Record<string, string> = { authorization: editor.headers.authorization! };
      if (type !== undefined) headers["content-type"] = type;
      const r = await send(method, `/api/me/tasks/${seg}${sfx}${qs}`, { headers, body });
      expectSane(r, `${method} /tasks/${seg}${sfx}${qs}`);
    });
    const [secret] = await t.tickler.database.db.select().from(tasks).where(eq(tasks.userId, stranger.id));
    expect(secret?.title).toBe("stranger's secret");
  }, 30_000);

  it("list, counts and export with generated query strings and headers: 200 with a valid body, or 4xx", async () => {
    const endpoint = fc.constantFrom("/api/me/tasks", "/api/me/tasks/counts", "/api/me/export", `/api/${"me"}/tasks/`);
    await run(fc.tuple(endpoint, queryString, extraHeaders), 2000, async ([path, qs, extra]) => {
      const r = await send("GET", `${path}${qs}`, { headers: { ...extra, authorization: editor.headers.authorization! } });
      expectSane(r, `GET ${path}${qs}`);
      if (r.status === 200 && path.startsWith("/api/me/tasks") && !path.endsWith("counts")) {
        expect(TaskPage.safeParse(r.json).success).toBe(true);
        expect(r.text).not.toContain("stranger's secret");
      }
      if (r.status === 200 && path === "/api/me/export") expect((r.json as { profile: { id: string } }).profile.id).toBe(editor.id);
    });
  }, 30_000);

  it("bad Authorization headers get 401 on every endpoint, never 5xx", async () => {
    const target = fc.constantFrom(
      ["GET", "/api/me/tasks"],
      ["POST", "/api/me/tasks"],
      ["PATCH", "/api/me/tasks/1"],
      ["DELETE", "/api/me/tasks/1"],
      ["GET", "/api/me/tasks/counts"],
      ["GET", "/api/me/export"],
    );
    await run(fc.tuple(target, badAuthorization), 1000, async ([[method, path], authorization]) => {
      const r = await send(method, path, { headers: { authorization, "content-type": "application/json" }, body: '{"title":"x"}' });
      expectSane(r, `${method} ${path} with ${authorization.slice(0, 60)}`);
      expect(r.status).toBe(401);
    });
  }, 30_000);

  it("a generated user id in the path never reaches another user's data", async () => {
    const seg = fc.oneof(pathSegment, fc.constant(stranger.id), fc.constant(encode(stranger.id.toUpperCase())));
    await run(fc.tuple(seg, fc.constantFrom("tasks", "tasks/1", "tasks/counts", "export")), 800, async ([user, rest]) => {
      const r = await send("GET", `/api/${user}/${rest}`, { headers: { authorization: editor.headers.authorization! } });
      expectSane(r, `GET /api/${user}/${rest}`);
      if (user !== "me" && user !== editor.id) expect([403, 404]).toContain(r.status);
      expect(r.text).not.toContain("stranger's secret");
    });
  }, 30_000);

  it("sign-in and sign-up with generated bodies and content types: never 5xx", async () => {
    const path = fc.constantFrom("/api/auth/sign-in/email", "/api/auth/sign-up/email", "/api/auth/request-password-reset", "/api/auth/reset-password");
    const body = fc.oneof({ weight: 4, arbitrary: authBody.map((b) => JSON.stringify(b) ?? "null") }, { weight: 1, arbitrary: rawBody });
    await run(fc.tuple(path, body, contentType), 400, async ([p, b, type]) => {
      const headers: Record<string, string> = { origin: TEST_ORIGIN };
      if (type !== undefined) headers["content-type"] = type;
      const r = await send("POST", p, { headers, body: b });
      expect(r.status, `${p} ${type} ${b.slice(0, 120)} → ${r.text.slice(0, 200)}`).toBeLessThan(500);
    });
  }, 30_000);

  it("unknown paths and methods under /api answer JSON 4xx", async () => {
    await run(fc.tuple(httpMethod, fc.array(pathSegment, { minLength: 1, maxLength: 4 }), jsonValue), 800, async ([method, segs, body]) => {
      const r = await send(method, `/api/${segs.join("/")}`, { headers: editor.headers, body: JSON.stringify(body) ?? "null" });
      expect(r.status, `${method} /api/${segs.join("/")} → ${r.text.slice(0, 200)}`).toBeLessThan(500);
    });
  }, 30_000);
});
