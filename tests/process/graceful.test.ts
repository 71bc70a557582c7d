/**
 * SIGTERM while a request is in flight: the process stops accepting, lets the
 * request finish (201, stored), logs it, and exits 0.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnServer } from "../support/spawn-server.ts";
import { mailboxFor, sessionAfterSignUp } from "../support/mailbox.ts";

const dir = mkdtempSync(join(tmpdir(), "tickler-graceful-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function signUpToken(url: string, email = "graceful@example.com"): Promise<string> {
  const headers = { "content-type": "application/json", origin: url };
  const up = await fetch(`${url}/api/auth/sign-up/email`, {
    method: "POST",
    headers,
    body: JSON.stringify({ name: "Graceful", email, password: "a long password" }),
  });
  const cookie = await sessionAfterSignUp(up, email, mailboxFor(url));
  const res = await fetch(`${url}/api/auth/token`, { headers: { cookie, origin: url } });
  return ((await res.json()) as { token: string }).token;
}

describe("graceful shutdown", () => {
  it("finishes a request held open across SIGTERM, then exits 0", async () => {
    const server = await spawnServer({ DATA_DIR: dir, BETTER_AUTH_SECRET: "g".repeat(32) });
    const token = await signUpToken(server.url);
    const body = JSON.stringify({ title: "written during shutdown" });
    const half = Math.floor(body.length / 2);

    // The request's head and half its body are sent; the handler waits for the rest.
    const { port } = new URL(server.url);
    const req = httpRequest({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/api/me/tasks",
      agent: false,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
    });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on("response", (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode!, body: text }));
      });
      req.on("error", reject);
    });
    req.write(body.slice(0, half));
    await new Promise((r) => setTimeout(r, 300));

    const exited = server.stop(); // SIGTERM
    // Wait until the server says it took the signal (a fixed sleep raced a busy machine).
    await expect.poll(() => server.output().includes('"shutting down"'), { timeout: 10_000, interval: 20 }).toBe(true);
    expect(server.child.exitCode).toBeNull(); // still draining: the request is not done
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow(); // no longer accepting

    req.end(body.slice(half));
    const res = await response;
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body)).toMatchObject({ title: "written during shutdown" });
    expect(await exited).toBe(0);

    const log = server.output().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(log.some((l) => l.msg === "shutting down" && l.signal === "SIGTERM")).toBe(true);
    expect(log.some((l) => l.msg === "request" && l.method === "POST" && l.path === "/api/me/tasks" && l.status === 201)).toBe(true);
    expect(log.filter((l) => l.level === "error")).toEqual([]);
  }, 60_000);

  it("ends an open event stream on SIGTERM and exits 0 well within the grace period", async () => {
    const server = await spawnServer({ DATA_DIR: dir, BETTER_AUTH_SECRET: "g".repeat(32) });
    const token = await signUpToken(server.url, "streamer@example.com");
    const res = await fetch(`${server.url}/api/me/events`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain("event: ready");

    const started = Date.now();
    const exited = server.stop();
    let done = false;
    while (!done) done = (await reader.read()).done; // the server ends the stream
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000); // not the 10 s grace: streams are told to end
  }, 60_000);
});
