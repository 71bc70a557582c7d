import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let u: TestUser;
let taskId: number;
beforeAll(async () => {
  t = await createTestApp();
  u = await t.signUp("Validator");
  taskId = ((await (await t.api(u, "POST", "/api/me/tasks", { title: "x" })).json()) as { id: number }).id;
});
afterAll(() => t.close());

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

async function countTasks() {
  const res = await t.api(u, "GET", "/api/me/tasks/counts");
  return ((await res.json()) as { all: number }).all;
}

describe("field bounds (422, nothing written)", () => {
  const bad: [string, unknown][] = [
    ["empty title", { title: "" }],
    ["blank title", { title: "   " }],
    ["title over 200", { title: "x".repeat(201) }],
    ["title wrong type", { title: 42 }],
    ["missing title", { description: "no title" }],
    ["description over 2000", { title: "ok", description: "d".repeat(2001) }],
    ["unknown priority", { title: "ok", priority: "urgent" }],
    ["21 distinct tags", { title: "ok", tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
    ["tag with spaces", { title: "ok", tags: ["two words"] }],
    ["tag too long", { title: "ok", tags: ["x".repeat(41)] }],
    ["tags not an array", { title: "ok", tags: "home" }],
    ["due_at without zone", { title: "ok", due_at: "2026-12-01T09:00:00" }],
    ["due_at not a date", { title: "ok", due_at: "tomorrow" }],
    ["completed wrong type", { title: "ok", completed: "yes" }],
    ["unknown field", { title: "ok", user_id: "someone-else" }],
    ["array body", [{ title: "ok" }]],
    ["null body", null],
  ];
  for (const [name, body] of bad) {
    it(`refuses ${name}`, async () => {
      const before = await countTasks();
      const res = await t.api(u, "POST", "/api/me/tasks", body);
      expect(res.status).toBe(422);
      const error = await errorOf(res);
      expect(error.code).toBe("validation_failed");
      expect(error.message.length).toBeGreaterThan(0);
      expect(await countTasks()).toBe(before);
    });
  }

  it("accepts the exact bounds", async () => {
    const res = await t.api(u, "POST", "/api/me/tasks", {
      title: "x".repeat(200),
      description: "d".repeat(2000),
      tags: Array.from({ length: 20 }, (_, i) => `t${i}`),
      due_at: "2026-12-01T09:00:00-05:00",
    });
    expect(res.status).toBe(201);
  });

  it("refuses a bad PATCH without changing the task", async () => {
    const before = await (await t.api(u, "GET", `/api/me/tasks/${taskId}`)).json();
    const res = await t.api(u, "PATCH", `/api/me/tasks/${taskId}`, { title: "fine", priority: "bogus" });
    expect(res.status).toBe(422);
    expect(await (await t.api(u, "GET", `/api/me/tasks/${taskId}`)).json()).toEqual(before);
  });

  it("refuses a non-boolean completed on /complete", async () => {
    expect((await t.api(u, "PATCH", `/api/me/tasks/${taskId}/complete`, { completed: "true" })).status).toBe(422);
  });

  it("refuses bad ids and bad list queries", async () => {
    for (const path of ["/api/me/tasks/abc", "/api/me/tasks/-1", "/api/me/tasks/0", "/api/me/tasks/1.5", "/api/me/tasks/99999999999"]) {
      expect((await t.api(u, "GET", path)).status, path).toBe(422);
    }
    for (const q of ["limit=0", "limit=101", "limit=abc", "status=done", "sort=id", "order=up", "priority=x", "due_before=yesterday", "overdue=maybe", "bogus=1"]) {
      expect((await t.api(u, "GET", `/api/me/tasks?${q}`)).status, q).toBe(422);
    }
  });
});

describe("malformed requests", () => {
  it("malformed JSON is 400", async () => {
    const res = await t.request("/api/me/tasks", { method: "POST", headers: u.headers, body: '{"title": "x",' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("malformed_json");
  });

  it("a non-JSON content type is 415", async () => {
    const res = await t.request("/api/me/tasks", {
      method: "POST",
      headers: { authorization: u.headers.authorization!, "content-type": "text/plain" },
      body: '{"title":"x"}',
    });
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe("unsupported_media_type");
  });

  it("a body over 64 KB is 413", async () => {
    const res = await t.api(u, "POST", "/api/me/tasks", { title: "x", description: "d".repeat(70_000) });
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe("payload_too_large");
  });

  it("unknown routes and methods are 404 JSON", async () => {
    for (const [method, path] of [["GET", "/api/nothing-here"], ["GET", "/nope"], ["POST", "/api/me/tasks/1/archive"]] as const) {
      const res = await t.api(u, method, path, method === "POST" ? {} : undefined);
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe("not_found");
    }
  });

  it("every error carries the request id that the response header names", async () => {
    const res = await t.api(u, "GET", "/api/me/tasks/999999");
    const body = (await res.json()) as { error: { request_id: string } };
    expect(body.error.request_id).toBe(res.headers.get("x-request-id"));
  });
});

describe("health", () => {
  it("healthz and readyz answer 200", async () => {
    expect((await t.request("/healthz")).status).toBe(200);
    expect(await (await t.request("/readyz")).json()).toEqual({ status: "ready" });
  });
});
