/**
 * Request ids a client chooses are neither echoed nor logged: an incoming
 * X-Request-Id is kept only from a proxy listed in TRUST_PROXY, and only when
 * it is a short token (issue 14 item 11). Real sockets, because trust is
 * decided by the peer address.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/http/logger.ts";
import { startTestServer } from "../support/start-server.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function serverLogging(env: Record<string, string>) {
  const lines: string[] = [];
  const server = await startTestServer(env, { logger: createLogger("info", (l) => void lines.push(l)) });
  const get = (path: string, requestId: string) => fetch(`${server.url}${path}`, { headers: { "x-request-id": requestId } });
  return { server, lines, get };
}

describe("a client that is not a trusted proxy", () => {
  let s: Awaited<ReturnType<typeof serverLogging>>;
  beforeAll(async () => void (s = await serverLogging({})));
  afterAll(() => s.server.close());

  it("gets a fresh id instead of the one it sent, and its id appears in no log line", async () => {
    for (const sent of ["anything", "attacker-chosen-0001", "two words", "x"]) {
      const res = await s.get("/api/me/tasks", sent); // 401: an error body carries the id too
      const id = res.headers.get("x-request-id");
      expect(id).toMatch(UUID);
      expect(((await res.json()) as { error: { request_id: string } }).error.request_id).toBe(id);
    }
    expect(s.lines.filter((l) => JSON.parse(l).msg === "request")).toHaveLength(4);
    for (const sent of ["anything", "attacker-chosen-0001", "two words"]) expect(s.lines.join("\n")).not.toContain(sent);
  });
});

describe("a trusted proxy (TRUST_PROXY=loopback)", () => {
  let s: Awaited<ReturnType<typeof serverLogging>>;
  beforeAll(async () => void (s = await serverLogging({ TRUST_PROXY: "loopback" })));
  afterAll(() => s.server.close());

  it("keeps an id that matches the pattern, on the response and in the log", async () => {
    const sent = "lb-7f3a9c21.req_42";
    const res = await s.get("/healthz", sent);
    expect(res.headers.get("x-request-id")).toBe(sent);
    expect(s.lines.map((l) => JSON.parse(l) as { msg: string; request_id?: string }).filter((l) => l.msg === "request" && l.request_id === sent)).toHaveLength(1);
  });

  it("replaces an id that does not match: too short, too long, spaces, quotes, line breaks", async () => {
    for (const sent of ["short", "a".repeat(65), "has space 123", 'quote"d-12345', "line\tbreak-123"]) {
      const res = await s.get("/healthz", sent);
      expect(res.headers.get("x-request-id")).toMatch(UUID);
    }
  });
});
