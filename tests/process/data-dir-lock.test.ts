/**
 * One process owns a PGlite data directory, whatever PID namespace (container) or
 * host the others run in, and a lock left by a process that is gone never blocks
 * start-up for longer than the lock takes to go stale.
 * @see issue 14, item 1
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockDataDir } from "../../src/db/data-dir-lock.ts";
import { signUpOverHttp } from "../support/http-user.ts";
import { runMain, spawnServer } from "../support/spawn-server.ts";

const SECRET = { BETTER_AUTH_SECRET: "l".repeat(32) };
/** Its own PID namespace; the server dies with `unshare` (a SIGKILL to it is a crash). */
const OWN_PID_NAMESPACE = { prefix: ["unshare", "--pid", "--fork", "--kill-child"] };

const probe = spawnSync("unshare", ["--pid", "--fork", "--kill-child", "true"], { encoding: "utf8" });
const unshareRefused = probe.status === 0 ? undefined : (probe.error?.message ?? probe.stderr.trim()) || `exit ${probe.status}`;

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "tickler-lock-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe.skipIf(unshareRefused)(
  `the data directory lock across PID namespaces${unshareRefused ? ` (skipped: the kernel refused \`unshare --pid\`: ${unshareRefused})` : ""}`,
  () => {
    it("refuses a second server in another PID namespace while the first lives, and the first keeps every write", { timeout: 120_000 }, async () => {
      const dir = tmp();
      const owner = await spawnServer({ DATA_DIR: dir, ...SECRET }, 60_000);
      try {
        const user = await signUpOverHttp(owner.url, "Owner");
        const add = (title: string) =>
          fetch(`${owner.url}/api/me/tasks`, {
            method: "POST",
            headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
            body: JSON.stringify({ title }),
          });
        expect((await add("before")).status).toBe(201);

        // Inside its namespace the owner's PID does not exist: a PID file would be taken over here.
        const second = runMain({ DATA_DIR: dir, PORT: "0", ...SECRET }, OWN_PID_NAMESPACE);
        expect(await second.exit).toBe(1);
        expect(second.output()).toContain(`is in use by process ${owner.child.pid}`);

        expect((await add("after")).status).toBe(201);
        const list = await fetch(`${owner.url}/api/me/tasks`, { headers: { authorization: `Bearer ${user.token}` } });
        const { tasks } = (await list.json()) as { tasks: { title: string }[] };
        expect(tasks.map((t) => t.title).sort()).toEqual(["after", "before"]);
      } finally {
        expect(await owner.stop()).toBe(0);
      }
    });

    it("starts after a holder in another PID namespace was killed, once its lock has gone stale", { timeout: 120_000 }, async () => {
      const dir = tmp();
      const crashed = await spawnServer({ DATA_DIR: dir, ...SECRET }, 60_000, OWN_PID_NAMESPACE);
      crashed.child.kill("SIGKILL");
      await crashed.stop();
      // The lock is still there, fresh; the new server waits for it to go stale, then owns the directory.
      const next = await spawnServer({ DATA_DIR: dir, ...SECRET }, 90_000);
      expect(await next.stop()).toBe(0);
    });
  },
);

describe("stale locks", () => {
  it("a stale lock whose owner PID now belongs to another live process does not block start-up", { timeout: 90_000 }, async () => {
    const dir = tmp();
    const lock = join(dir, "data-dir.lock");
    mkdirSync(lock);
    // The test runner is alive: the PID in the owner note (and in a PID file of older versions) is in use.
    writeFileSync(join(dir, "data-dir.lock.owner"), JSON.stringify({ pid: process.pid, host: "elsewhere" }));
    writeFileSync(join(dir, "tickler.lock"), String(process.pid));
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, minuteAgo, minuteAgo);
    const server = await spawnServer({ DATA_DIR: dir, ...SECRET }, 60_000);
    expect(await server.stop()).toBe(0);
  });

  it("tells the holder when another process took its lock over, so that it stops writing", { timeout: 60_000 }, async () => {
    const dir = tmp();
    let lost!: (err: Error) => void;
    const lostLock = new Promise<Error>((resolve) => (lost = resolve));
    const release = await lockDataDir(dir, { onLost: lost });
    // What a second process does to a lock that looks stale to it (this one seemed frozen).
    rmSync(join(dir, "data-dir.lock"), { recursive: true });
    mkdirSync(join(dir, "data-dir.lock"));
    expect((await lostLock).message).toMatch(/lock/i);
    await release().catch(() => {}); // already lost: nothing left to release
  });
});
