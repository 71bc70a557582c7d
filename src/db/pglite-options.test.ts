import { describe, expect, it } from "vitest";
import { loadConfig } from "../config/env.ts";
import { openDatabase } from "./client.ts";

async function settingOf(name: string, sharedBuffers?: string): Promise<string> {
  const database = await openDatabase({ dataDir: "memory://", pgliteSharedBuffers: sharedBuffers });
  try {
    const { rows } = (await database.db.execute<{ value: string }>(`select current_setting('${name}') as value`)) as { rows: { value: string }[] };
    return rows[0]!.value;
  } finally {
    await database.close();
  }
}

describe("PGlite start-up settings", () => {
  it("starts with 16MB of shared buffers instead of PGlite's 128MB, and takes another size when configured", async () => {
    expect(await settingOf("shared_buffers")).toBe("16MB");
    expect(await settingOf("shared_buffers", "32MB")).toBe("32MB");
  });

  it("refuses a PGLITE_SHARED_BUFFERS that is not a size", () => {
    expect(() => loadConfig({ PGLITE_SHARED_BUFFERS: "lots" })).toThrow(/PGLITE_SHARED_BUFFERS/);
  });
});
