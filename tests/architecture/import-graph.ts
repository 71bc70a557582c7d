/**
 * Reads Tickler's real import graph (every static, type-only, re-export and
 * dynamic import of the server and web sources) and checks it against the
 * dependency rule of decision 005. Parsing uses TypeScript's own pre-processor,
 * so comments and strings that merely look like imports are not edges.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

/** One import: repository-relative paths (posix separators); `to` is a package name for bare specifiers. */
export interface Edge {
  from: string;
  to: string;
  spec: string;
  external: boolean;
}

const toPosix = (p: string) => p.split(sep).join("/");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts"))
    .map((e) => join(e.parentPath, e.name));
}

/** package.json `"imports"` (e.g. `#contracts/*` → `./src/contracts/*`): the aliases web code uses. */
function aliases(root: string): [prefix: string, target: string][] {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { imports?: Record<string, string> };
  return Object.entries(pkg.imports ?? {}).map(([k, v]) => [k.replace(/\*$/, ""), v.replace(/\*$/, "")]);
}

export function importGraph(root: string, dirs: readonly string[]): Edge[] {
  const alias = aliases(root);
  const edges: Edge[] = [];
  for (const dir of dirs) {
    for (const file of sourceFiles(join(root, dir))) {
      const from = toPosix(relative(root, file));
      const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
      for (const { fileName: spec } of importedFiles) {
        const hit = alias.find(([prefix]) => spec.startsWith(prefix));
        if (spec.startsWith(".")) edges.push({ from, spec, external: false, to: toPosix(relative(root, resolve(dirname(file), spec))) });
        else if (hit) edges.push({ from, spec, external: false, to: toPosix(join(hit[1], spec.slice(hit[0].length))) });
        else edges.push({ from, spec, external: true, to: spec });
      }
    }
  }
  return edges;
}

/**
 * The rule: for each layer, the layers it may import (its own always allowed).
 * A layer is a folder under `src/`, or `web` for `web/src`.
 */
export interface DependencyRule {
  layers: Record<string, readonly string[] | "any">;
  /** Named single-file exceptions, each with its reason in decision 005. */
  exceptions: readonly { from: string; to: string }[];
  /** Layers that may reach other layers only through package.json aliases, never a relative path. */
  aliasOnly: readonly string[];
}

export function layerOf(path: string): string | undefined {
  if (path.startsWith("web/src/")) return "web";
  const m = /^src\/([^/]+)\//.exec(path);
  return m?.[1];
}

/** Every edge that breaks the rule, as a readable line; empty when the graph obeys it. */
export function ruleViolations(edges: readonly Edge[], rule: DependencyRule): string[] {
  const out: string[] = [];
  for (const e of edges) {
    if (e.external) continue;
    const from = layerOf(e.from);
    const to = layerOf(e.to);
    if (!from) continue;
    const allowed = rule.layers[from];
    if (allowed === undefined) {
      out.push(`${e.from}: layer "${from}" has no rule in decision 005`);
      continue;
    }
    if (to === from) continue;
    if (rule.exceptions.some((x) => e.from.startsWith(x.from) && e.to === x.to)) continue;
    if (rule.aliasOnly.includes(from) && e.spec.startsWith(".")) {
      out.push(`${e.from} → ${e.to}: "${from}" may leave its folder only through a package.json alias (#contracts/*, #grammar/*)`);
      continue;
    }
    if (!to) out.push(`${e.from} → ${e.to}: imports outside the layered folders`);
    else if (allowed !== "any" && !allowed.includes(to)) out.push(`${e.from} → ${e.to}: "${from}" may not import "${to}"`);
  }
  return out;
}
