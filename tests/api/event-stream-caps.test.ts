/**
 * Issue 14 item 8: one token must not hold thousands of `/events` streams. Per
 * user the oldest stream is closed (with a `superseded` event) when a newer one
 * needs its slot; per replica a stream beyond the cap is refused with 503.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signUpOverHttp } from "../support/http-user.ts";
import { openSse, type SseClient } from "../support/sse-client.ts";
import { startTestServer, type TestServer } from "../support/start-server.ts";

// One server per test: a closed stream frees its slot only once the server notices, so tests don't share counts.
let s: TestServer;
const open: SseClient[] = [];
beforeEach(async () => {
  s = await startTestServer({ EVENT_STREAMS_PER_USER: "3", EVENT_STREAMS_PER_REPLICA: "5" });
});
afterEach(async () => {
  open.splice(0).forEach((c) => c.close());
  await s.close();
});

const stream = async (token: string) => {
  const c = await openSse(`${s.url}/api/me/events`, token);
  open.push(c);
  await c.next("ready");
  return c;
};

describe("caps on event streams", () => {
  it("closes a user's oldest stream when they open one more than the cap, and the rest keep working", async () => {
    const alice = await signUpOverHttp(s.url, "Alice Streams");
    const [first, second, third] = [await stream(alice.token), await stream(alice.token), await stream(alice.token)];
    const fourth = await stream(alice.token);
    await first.next("superseded");
    await first.ended;
    // The three newest still hear changes.
    const res = await fetch(`${s.url}/api/me/tasks`, {
      method: "POST",
      headers: { authorization: `Bearer ${alice.token}`, "content-type": "application/json" },
      body: JSON.stringify({ title: "fan out" }),
    });
    expect(res.status).toBe(201);
    await Promise.all([second, third, fourth].map((c) => c.next("tasks.changed")));
    [second, third, fourth].forEach((c) => c.close());
  });

  it("refuses streams beyond the replica's total with 503 too_many_streams, and frees slots as streams close", async () => {
    const users = await Promise.all(["A", "B"].map((n) => signUpOverHttp(s.url, `Total ${n}`)));
    const held = [await stream(users[0]!.token), await stream(users[0]!.token), await stream(users[0]!.token)];
    held.push(await stream(users[1]!.token), await stream(users[1]!.token));
    const refused = await fetch(`${s.url}/api/me/events`, { headers: { authorization: `Bearer ${users[1]!.token}`, accept: "text/event-stream" } });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("30");
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("too_many_streams");
    // A user at their own cap still gets a stream: it replaces their oldest, it doesn't add one.
    const replacing = await stream(users[0]!.token);
    await held[0]!.next("superseded");
    held.push(replacing);
    // Closing one frees a slot for anybody.
    held[4]!.close();
    await held[4]!.ended;
    const deadline = Date.now() + 10_000;
    let again: Response;
    do {
      again = await fetch(`${s.url}/api/me/events`, { headers: { authorization: `Bearer ${users[1]!.token}`, accept: "text/event-stream" } });
      if (again.status !== 200) await new Promise((r) => setTimeout(r, 50)); // the server notices the close asynchronously
    } while (again.status !== 200 && Date.now() < deadline);
    expect(again.status).toBe(200);
    await again.body?.cancel();
    held.forEach((c) => c.close());
  });
});
