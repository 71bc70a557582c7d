/**
 * Replicas on one PostgreSQL: several start at the same moment (migrations
 * serialise on an advisory lock) and serve the same users interchangeably.
 */
import { describe, expect, it } from "vitest";
import type { Tickler } from "../../src/server/create-app.ts";
import { inProcess, sessionAfterSignUp } from "../support/mailbox.ts";
import { useReplicas } from "../support/replicas.ts";
import { TEST_ORIGIN } from "../support/test-app.ts";

describe.skipIf(process.env.TEST_DB !== "postgres")("replicas on one PostgreSQL", () => {
  const replicas = useReplicas();

  it("start together on an empty database, then serve one user's session and tasks interchangeably", async () => {
    const [a, b, c] = (await replicas.start(3)) as [Tickler, Tickler, Tickler];
    const req = (r: Tickler, path: string, init?: RequestInit) => Promise.resolve(r.app.request(`${TEST_ORIGIN}${path}`, init));

    const up = await req(a, "/api/auth/sign-up/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: TEST_ORIGIN },
      body: JSON.stringify({ name: "Replica", email: "replica@example.com", password: "replica password" }),
    });
    // The link opens on another replica than the one that sent it.
    const cookie = await sessionAfterSignUp(up, "replica@example.com", replicas.mailbox, inProcess((path, init) => req(c, path, init), TEST_ORIGIN));
    // A session made on one replica mints tokens on another; a token from one verifies on a third.
    const { token } = (await (await req(b, "/api/auth/token", { headers: { cookie, origin: TEST_ORIGIN } })).json()) as { token: string };
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    expect((await req(c, "/api/me/tasks", { method: "POST", headers, body: JSON.stringify({ title: "made on c" }) })).status).toBe(201);
    const listed = (await (await req(a, "/api/me/tasks", { headers })).json()) as { tasks: { title: string }[] };
    expect(listed.tasks.map((t) => t.title)).toEqual(["made on c"]);
  });
});
