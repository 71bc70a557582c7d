/**
 * Any change to a user's tasks — REST, chat or MCP — reaches that user's open
 * event streams; other users hear nothing. On PostgreSQL the signal crosses
 * replicas through LISTEN/NOTIFY. How fast is measured by `npm run bench`
 * (change-to-event delay), not asserted here: a busy machine must not fail it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/start.ts";
import { signUpOverHttp } from "../support/http-user.ts";
import { RAISED_LIMITS } from "../support/limits.ts";
import { openSse } from "../support/sse-client.ts";
import { createMailbox } from "../support/mailbox.ts";
import { startRecordingServer, startTestServer, type TestServer } from "../support/start-server.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-db.ts";
import { TEST_SECRET } from "../support/test-app.ts";

const json = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });

describe("live updates on one server", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it("pushes REST, chat and MCP changes to the user's streams, and nothing to others", async () => {
    const alice = await signUpOverHttp(s.url, "Alice");
    const bob = await signUpOverHttp(s.url, "Bob");
    const a1 = await openSse(`${s.url}/api/me/events`, alice.token);
    const a2 = await openSse(`${s.url}/api/${alice.id}/events`, alice.token);
    const b = await openSse(`${s.url}/api/me/events`, bob.token);
    await Promise.all([a1.next("ready"), a2.next("ready"), b.next("ready")]);

    const changes: [string, () => Promise<Response>][] = [
      ["REST", () => fetch(`${s.url}/api/me/tasks`, { method: "POST", headers: json(alice.token), body: JSON.stringify({ title: "via REST" }) })],
      ["chat", () => fetch(`${s.url}/api/me/chat`, { method: "POST", headers: json(alice.token), body: JSON.stringify({ message: "add call mom tomorrow" }) })],
      [
        "MCP",
        () =>
          fetch(`${s.url}/mcp`, {
            method: "POST",
            headers: { ...json(alice.token), accept: "application/json, text/event-stream" },
            body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "complete_task", arguments: { id: 1 } } }),
          }),
      ],
    ];
    for (const [surface, change] of changes) {
      const res = await change();
      expect(res.status, surface).toBeLessThan(300);
      await Promise.all([a1.next("tasks.changed", 10_000), a2.next("tasks.changed", 10_000)]);
    }
    // A stream delivers in order: once Bob's own change has arrived, any of Alice's leaked to him
    // would already be queued before it. So exactly one "tasks.changed" must be there, and no other.
    await fetch(`${s.url}/api/me/tasks`, { method: "POST", headers: json(bob.token), body: JSON.stringify({ title: "Bob's" }) });
    await b.next("tasks.changed", 10_000);
    await expect(b.next("tasks.changed", 0)).rejects.toThrow(/no "tasks.changed"/);
    for (const c of [a1, a2, b]) c.close();
  });

  it("refuses the stream without a token or for another user's path", async () => {
    const carol = await signUpOverHttp(s.url, "Carol");
    expect((await fetch(`${s.url}/api/me/events`)).status).toBe(401);
    expect((await fetch(`${s.url}/api/someone-else/events`, { headers: json(carol.token) })).status).toBe(403);
  });
});

describe.skipIf(process.env.TEST_DB !== "postgres")("live updates across two replicas on one PostgreSQL", () => {
  let db: TestDatabase;
  let r1: RunningServer;
  let r2: RunningServer;
  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", BETTER_AUTH_SECRET: TEST_SECRET, ...RAISED_LIMITS, ...db.env };
    // One mailbox: r2 answers under r1's public URL, so both register under that URL.
    const mailbox = createMailbox();
    r1 = await startRecordingServer(env, mailbox);
    // Replicas share one public URL in production; here each verifies the issuer it was given.
    r2 = await startRecordingServer({ ...env, PUBLIC_URL: r1.url }, mailbox);
  });
  afterAll(async () => {
    await Promise.all([r1?.close(1_000), r2?.close(1_000)]);
    await db?.drop();
  });

  it("a change on one replica reaches a stream on the other", async () => {
    const alice = await signUpOverHttp(r1.url, "Replica");
    const stream = await openSse(`http://127.0.0.1:${r2.port}/api/me/events`, alice.token);
    await stream.next("ready");
    await fetch(`${r1.url}/api/me/tasks`, { method: "POST", headers: json(alice.token), body: JSON.stringify({ title: "cross-replica" }) });
    await stream.next("tasks.changed", 10_000);
    stream.close();
  });
});
