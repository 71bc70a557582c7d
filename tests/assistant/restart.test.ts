/**
 * The server keeps no chat state: a conversation continues after a restart on
 * the same database, with references ("it") resolved from stored history.
 * Uses the built-in offline model, as a fresh install would.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.ts";
import { createTickler } from "../../src/server/create-app.ts";
import { createLogger } from "../../src/http/logger.ts";
import { createMailer } from "../../src/issuer/mailer.ts";
import { createMailbox, inProcess, sessionAfterSignUp } from "../support/mailbox.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { TEST_ENV, TEST_ORIGIN } from "../support/test-app.ts";

const dir = mkdtempSync(join(tmpdir(), "tickler-restart-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("restart", () => {
  it("continues a conversation after the server restarts on the same database", async () => {
    const database = await createTestDatabase();
    const env = {
      ...TEST_ENV,
      ...database.env,
      DATA_DIR: dir, // on disk for PGlite; ignored when DATABASE_URL is set
    };
    const mailbox = createMailbox();
    const mailer = mailbox.wrap(await createMailer(loadConfig(env), createLogger("silent")));
    const boot = () => createTickler(loadConfig(env), createLogger("silent"), { mailer });
    const headers = { "content-type": "application/json", origin: TEST_ORIGIN };

    let app = await boot();
    const up = await app.app.request(`${TEST_ORIGIN}/api/auth/sign-up/email`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "Restarter", email: "restart@example.com", password: "restart password" }),
    });
    const booted = app;
    const open = inProcess((path, init) => Promise.resolve(booted.app.request(`${TEST_ORIGIN}${path}`, init)), TEST_ORIGIN);
    const cookie = await sessionAfterSignUp(up, "restart@example.com", mailbox, open);
    const token = ((await (await app.app.request(`${TEST_ORIGIN}/api/auth/token`, { headers: { cookie, origin: TEST_ORIGIN } })).json()) as {
      token: string;
    }).token;
    const bearer = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const first = (await (
      await app.app.request(`${TEST_ORIGIN}/api/me/chat`, { method: "POST", headers: bearer, body: JSON.stringify({ message: "add buy milk tomorrow 9am #errands" }) })
    ).json()) as { conversation_id: string; tool_calls: { tool: string }[] };
    // "#errands" may name a list: the offline model looks at the lists before adding.
    expect(first.tool_calls.map((c) => c.tool)).toEqual(["list_lists", "add_task"]);
    await app.close();

    app = await boot();
    try {
      const res = await app.app.request(`${TEST_ORIGIN}/api/me/chat`, {
        method: "POST",
        headers: bearer,
        body: JSON.stringify({ conversation_id: first.conversation_id, message: "mark it done" }),
      });
      const second = (await res.json()) as { tool_calls: { tool: string; arguments: unknown; result: unknown }[]; response: string };
      expect(second.tool_calls).toMatchObject([{ tool: "complete_task", arguments: { id: 1 }, result: { task: { status: "completed" } } }]);
      expect(second.response).toMatch(/Buy milk/i);
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
