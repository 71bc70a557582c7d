import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { transform } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { originalStack } from "./original-stack.ts";

const dir = mkdtempSync(join(tmpdir(), "tickler-stack-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A "bundle" made as the build makes one: esbuild output with a linked map whose sources are relative. */
async function bundle(): Promise<{ file: string; line: number; column: number }> {
  const source = [
    "type Task = { id: number };",
    "",
    "export function fail(t: Task): never {",
    "  throw new Error(`task ${t.id}`);",
    "}",
    "",
  ].join("\n");
  const out = await transform(source, {
    loader: "ts",
    sourcemap: "external",
    sourcefile: "../src/domain/fail.ts",
    format: "esm",
  });
  const file = join(dir, "main.js");
  writeFileSync(file, `${out.code}//# sourceMappingURL=main.js.map\n`);
  writeFileSync(`${file}.map`, out.map);
  const lines = out.code.split("\n");
  const line = lines.findIndex((l) => l.includes("throw new Error"));
  return { file, line: line + 1, column: lines[line]!.indexOf("throw") + 1 };
}

describe("originalStack", () => {
  it("maps frames of a bundle (as a path or a file: URL) back to the TypeScript source", async () => {
    const { file, line, column } = await bundle();
    const stack = [
      "Error: task 1",
      `    at fail (${pathToFileURL(file).href}:${line}:${column})`,
      `    at ${file}:${line}:${column}`,
      "    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)",
    ].join("\n");
    const mapped = originalStack(stack)!.split("\n");
    const original = join(dir, "..", "src", "domain", "fail.ts");
    expect(mapped[1]).toBe(`    at fail (${original}:4:3)`);
    expect(mapped[2]).toBe(`    at ${original}:4:3`);
    expect(mapped[3]).toBe("    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)");
  });

  it("leaves frames without a map, and an absent stack, as they are", () => {
    const stack = `Error: x\n    at f (${join(dir, "no-map.js")}:1:1)`;
    expect(originalStack(stack)).toBe(stack);
    expect(originalStack(undefined)).toBeUndefined();
  });
});
