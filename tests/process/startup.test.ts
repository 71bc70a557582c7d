import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runMain, spawnServer } from "../support/spawn-server.ts";

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "tickler-start-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("start-up", () => {
  it("refuses to start in production without BETTER_AUTH_SECRET, with a clear message", async () => {
    const { exit, output } = runMain({ NODE_ENV: "production", DATA_DIR: tmp(), PORT: "0" });
    expect(await exit).toBe(1);
    expect(output()).toContain("BETTER_AUTH_SECRET is required when NODE_ENV=production");
  });

  it("refuses a bad configuration, naming every bad variable", async () => {
    const { exit, output } = runMain({ PORT: "http", AUTH_ALGORITHMS: "HS256", DATA_DIR: tmp() });
    expect(await exit).toBe(1);
    expect(output()).toMatch(/PORT/);
    expect(output()).toMatch(/AUTH_ALGORITHMS/);
  });

  it("generates a development secret once, keeps it in DATA_DIR, and reuses it", async () => {
    const dir = tmp();
    const first = await spawnServer({ DATA_DIR: dir });
    expect(first.output()).toContain("generated a development auth secret");
    expect(await first.stop()).toBe(0);
    const secret = readFileSync(join(dir, "auth-secret"), "utf8");
    const second = await spawnServer({ DATA_DIR: dir });
    expect(second.output()).toContain("using the development auth secret stored in DATA_DIR");
    expect(await second.stop()).toBe(0);
    expect(readFileSync(join(dir, "auth-secret"), "utf8")).toBe(secret);
  });
});

describe("model configuration", () => {
  it("refuses an OpenAI-compatible model without AI_BASE_URL, with a clear message", async () => {
    const { exit, output } = runMain({ AI_MODEL: "openai-compatible:llama", DATA_DIR: tmp(), PORT: "0", BETTER_AUTH_SECRET: "x".repeat(32) });
    expect(await exit).toBe(1);
    expect(output()).toContain("needs AI_BASE_URL");
  });
});
