/**
 * With no PUBLIC_URL (`npm start` on a laptop), a browser may call the server
 * localhost, 127.0.0.1 or [::1]: sign-up works from each origin.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/start-server.ts";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe("local origins without PUBLIC_URL", () => {
  for (const host of ["localhost", "127.0.0.1", "[::1]"]) {
    it(`accepts sign-up from http://${host}`, async () => {
      const origin = `http://${host}:${s.server.port}`;
      const res = await fetch(`${s.url}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify({ name: "Local", email: `local.${host.replace(/\W/g, "")}@example.com`, password: "a long password" }),
      });
      expect(res.status).toBe(200);
    });
  }

  it("still refuses other origins", async () => {
    const res = await fetch(`${s.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://evil.example" },
      body: JSON.stringify({ name: "Evil", email: "evil@example.com", password: "a long password" }),
    });
    expect(res.status).toBe(403);
  });
});
