/**
 * The server listens before its database is open: until then every request gets a JSON
 * 503 "starting" (so a load balancer sees a live but unready replica), never a refused
 * connection or a hang.
 */
import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { runMain } from "../support/spawn-server.ts";

let database: Server | undefined;
afterEach(() => database?.close());

/** A "PostgreSQL server" that accepts connections and never answers, until `release()`. */
async function silentDatabase(): Promise<{ url: string; release(): void }> {
  const sockets: Socket[] = [];
  database = createServer((s) => sockets.push(s));
  await new Promise<void>((resolve) => database!.listen(0, "127.0.0.1", resolve));
  const { port } = database.address() as { port: number };
  return { url: `postgres://tickler@127.0.0.1:${port}/tickler`, release: () => sockets.forEach((s) => s.destroy()) };
}

/** A port nothing listens on (the server must be told one: it logs its port only once ready). */
async function freePort(): Promise<string> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const { port } = s.address() as { port: number };
  await new Promise((resolve) => s.close(resolve));
  return String(port);
}

async function firstAnswer(url: string): Promise<Response> {
  for (;;) {
    const res = await fetch(url).catch(() => undefined);
    if (res) return res;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("while starting", () => {
  it("answers 503 starting until the database is open, then reports the failure and exits 1", async () => {
    const db = await silentDatabase();
    const port = await freePort();
    const server = runMain({ PORT: port, HOST: "127.0.0.1", DATABASE_URL: db.url, DATA_DIR: "memory://", BETTER_AUTH_SECRET: "s".repeat(32) });
    try {
      for (const path of ["/readyz", "/api/config", "/api/me/tasks"]) {
        const res = await firstAnswer(`http://127.0.0.1:${port}${path}`);
        expect(res.status).toBe(503);
        expect(await res.json()).toEqual({ error: { code: "starting", message: "Tickler is starting" } });
      }
      db.release();
      expect(await server.exit).toBe(1);
      expect(server.output()).toContain("Tickler could not start");
    } finally {
      server.child.kill("SIGKILL");
    }
  });
});
