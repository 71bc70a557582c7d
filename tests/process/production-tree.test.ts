/**
 * A built tree runs with production dependencies only (`npm ci --omit=dev && npm start`):
 * the start command is plain `node` on dist/server, the bundle imports nothing that is not
 * a runtime dependency, and `npm start`'s prestart loads no build tool when dist/ is current.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startArgs } from "../support/spawn-server.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
};

/** The package name of a bare specifier: "drizzle-orm/pglite" → "drizzle-orm", "@a/b/c" → "@a/b". */
const packageOf = (spec: string) => spec.split("/").slice(0, spec.startsWith("@") ? 2 : 1).join("/");

/** Runs node with `args` in `cwd`; resolves with the exit code and everything it printed. */
const run = (args: string[], cwd = ROOT) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    execFile(process.execPath, args, { cwd }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    );
  });

describe("the production tree", () => {
  it("starts with plain node on the built server: no loader, no TypeScript", () => {
    const args = startArgs();
    expect(args.filter((a) => /^--(import|loader|require|experimental-(strip|transform)-types)/.test(a) || a === "-r")).toEqual([]);
    expect(args.at(-1)).toBe("dist/server/main.js");
  });

  it("imports only Node built-ins and runtime dependencies from the bundle", () => {
    // esbuild's record of the build: every import it left to run time.
    const meta = JSON.parse(readFileSync(join(ROOT, "dist/server/metafile.json"), "utf8")) as {
      outputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
    };
    const external = Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
    const builtins = new Set(builtinModules);
    const packages = new Set(external.filter((s) => !s.startsWith("node:") && !builtins.has(s)).map(packageOf));
    // Optional imports inside try blocks, not installed: pg's native binding, better-auth's tracing.
    for (const optional of ["pg-native", "@opentelemetry/api"]) packages.delete(optional);
    // What `npm ci --omit=dev --omit=optional` installs: lockfile entries flagged neither dev nor optional.
    const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
      packages: Record<string, { dev?: boolean; devOptional?: boolean; optional?: boolean }>;
    };
    const installed = (p: string) => {
      const entry = lock.packages[`node_modules/${p}`];
      return entry !== undefined && !entry.dev && !entry.devOptional && !entry.optional;
    };
    // What src/issuer/strength-check.ts loads through createRequire, which esbuild does not follow.
    const required = ["@zxcvbn-ts/core", "@zxcvbn-ts/language-common", "@zxcvbn-ts/language-en"];
    expect(readFileSync(join(ROOT, "src/issuer/strength-check.ts"), "utf8").match(/(?<=cjs\(")[^"]+/g)).toEqual(required);
    expect([...packages, ...required].filter((p) => !installed(p))).toEqual([]);
    expect(packages).toContain("@electric-sql/pglite"); // the check sees the externals at all
    expect(packages).toContain("nodemailer"); // a lazily imported CommonJS package (see scripts/build.mjs)
  });

  it("prestart loads neither esbuild nor Vite when dist/ is current", async () => {
    expect(pkg.scripts.prestart).toBe("node scripts/build.mjs --if-stale");
    // Any attempt to resolve a build tool fails the run, as it would after `npm ci --omit=dev`.
    const hooks = `export function resolve(spec, ctx, next) {
      if (/^(esbuild|vite)($|\\/)/.test(spec)) throw new Error("build tool loaded: " + spec);
      return next(spec, ctx);
    }`;
    const register = `import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
    const hook = `data:text/javascript,${encodeURIComponent(register)}`;
    const result = await run(["--import", hook, "scripts/build.mjs", "--if-stale", "server"]);
    expect(result).toEqual({ code: 0, output: "" });
  });

  it("without the build tools, serves a stale build with a warning and refuses a missing one", async () => {
    // A tree like a production install: the build script and sources, no node_modules.
    const tree = mkdtempSync(join(tmpdir(), "tickler-tree-"));
    try {
      cpSync(join(ROOT, "scripts/build.mjs"), join(tree, "scripts/build.mjs"));
      for (const f of ["package.json", "package-lock.json"]) cpSync(join(ROOT, f), join(tree, f));
      mkdirSync(join(tree, "src"));
      writeFileSync(join(tree, "src/main.ts"), "export {};\n");

      const missing = await run(["scripts/build.mjs", "--if-stale", "server"], tree);
      expect(missing.code).toBe(1);
      expect(missing.output).toContain("dist/server/main.js is missing and the build tools are not installed: run `npm ci && npm run build` first");

      mkdirSync(join(tree, "dist/server"), { recursive: true });
      writeFileSync(join(tree, "dist/server/main.js"), "");
      const old = new Date(Date.now() - 60_000);
      utimesSync(join(tree, "dist/server/main.js"), old, old);
      const stale = await run(["scripts/build.mjs", "--if-stale", "server"], tree);
      expect(stale.code).toBe(0);
      expect(stale.output).toContain("dist/server/main.js is older than its sources; serving it anyway");
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});
