/**
 * The web app's modules (web/src) load without run-time import cycles: two singletons
 * importing each other (auth-client ↔ token once) work only by the luck of
 * evaluation order. Type-only imports and lazy `import()` boundaries are fine.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../web/src/", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Relative static imports that load code (`import type …` loads nothing). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+"(\.{1,2}\/[^"]+)"/gm)].map((m) => resolve(dirname(file), m[1]!));
}

function cycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, "open" | "done">();
  const found: string[][] = [];
  const visit = (node: string, path: string[]) => {
    state.set(node, "open");
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") found.push([...path.slice(path.indexOf(next)), node, next].map((p) => relative(ROOT, p)));
      else if (!state.has(next)) visit(next, [...path, node]);
    }
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node, []);
  return found;
}

it("has no run-time import cycle", () => {
  const graph = new Map(sources(ROOT).map((f) => [f, runtimeImports(f)]));
  expect(graph.size).toBeGreaterThan(50);
  expect([...graph.values()].flat().length).toBeGreaterThan(100);
  expect(cycles(graph)).toEqual([]);
});

it("would see a cycle", () => {
  const a = join(ROOT, "a.ts");
  const b = join(ROOT, "b.ts");
  expect(cycles(new Map([[a, [b]], [b, [a]]]))).toEqual([["a.ts", "b.ts", "a.ts"]]);
});
