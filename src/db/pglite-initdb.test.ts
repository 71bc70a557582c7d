import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./client.ts";

const dirs: string[] = [];
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "tickler-initdb-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("a new data directory (initdb in a child process)", () => {
  it("is created with the start settings, opened, and opened again without initdb", async () => {
    const dir = newDir();
    for (let start = 0; start < 2; start++) {
      const database = await openDatabase({ dataDir: dir, pgliteSharedBuffers: "8MB" });
      try {
        const { rows } = (await database.db.execute(`select current_setting('shared_buffers') as value`)) as { rows: { value: string }[] };
        expect(rows[0]!.value).toBe("8MB");
      } finally {
        await database.close();
      }
      expect(existsSync(join(dir, "pglite", "PG_VERSION"))).toBe(true);
    }
  }, 60_000);

  it("reports the child's error in one line and releases the directory's lock", async () => {
    const dir = newDir();
    writeFileSync(join(dir, "pglite"), ""); // a file where the database's directory should be
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/^could not create the database in .*pglite: \{"name":"ErrnoError"/);
    rmSync(join(dir, "pglite"));
    const database = await openDatabase({ dataDir: dir }); // the lock was released
    await database.close();
  }, 60_000);
});
