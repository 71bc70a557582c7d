// Builds what `npm start` serves: the server as an ESM bundle in dist/server (esbuild) and the
// web app in dist/web (Vite).
//   node scripts/build.mjs              build both (`npm run build`)
//   node scripts/build.mjs --if-stale   build only what is missing or older than its sources
//                                       (`npm start`'s prestart, and the test suite's setup)
//   … server | web                      limit to one of them
// Plain JavaScript with no dependencies until it has to build, so a built tree starts with
// production dependencies only (`npm ci --omit=dev && npm start`): esbuild and Vite are dev tools.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const at = (path) => join(ROOT, path);
// A changed dependency or build setting changes both outputs.
const SHARED = ["package.json", "package-lock.json", "scripts/build.mjs"];

export const TARGETS = {
  server: { output: "dist/server/main.js", sources: ["src", ...SHARED], build: buildServer },
  // The web bundle imports from src/ only the contracts, the grammar and the domain's time helpers.
  web: {
    output: "dist/web/index.html",
    sources: ["web", "src/contracts", "src/grammar", "src/domain/time.ts", "src/domain/errors.ts", ...SHARED],
    build: buildWeb,
  },
};

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), st.mtimeMs);
}

/** "missing", "stale" or undefined (up to date). */
export function staleness(name) {
  const { output, sources } = TARGETS[name];
  if (!existsSync(at(output))) return "missing";
  const built = statSync(at(output)).mtimeMs;
  return sources.some((s) => newestMtime(at(s)) > built) ? "stale" : undefined;
}

/** Whether the build tools are installed (they are dev dependencies). */
const toolsInstalled = () => existsSync(at("node_modules/esbuild")) && existsSync(at("node_modules/vite"));

async function buildServer() {
  const { build } = await import("esbuild");
  const options = {
    absWorkingDir: ROOT,
    // pglite-initdb runs as a child process of main (src/db/client.ts finds it beside itself).
    entryPoints: { main: "src/server/main.ts", "pglite-initdb": "src/db/pglite-initdb.ts" },
    outdir: "dist/server",
    bundle: true,
    // Lazily imported modules (the other database's driver, the mailer) stay in chunks never parsed.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    format: "esm",
    platform: "node",
    target: "node22.12",
    // Bundled CommonJS dependencies call require() for Node built-ins.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    sourcemap: "linked",
    legalComments: "linked",
    logLevel: "warning",
    metafile: true,
    plugins: [stubUnusedPeers],
  };
  // A first pass only to learn which lazily imported packages are CommonJS (see lazyCommonJs).
  const probe = await build({
    ...options,
    external: SERVER_EXTERNAL,
    write: false,
    sourcemap: false,
    legalComments: "none",
  });
  const external = [...new Set([...SERVER_EXTERNAL, ...lazyCommonJs(probe.metafile)])];

  rmSync(at("dist/server"), { recursive: true, force: true });
  // migrate.ts reads the committed SQL next to itself: ./migrations.
  cpSync(at("src/db/migrations"), at("dist/server/migrations"), { recursive: true });
  const result = await build({ ...options, external });
  // What the bundle leaves to node_modules, for the production-tree test.
  writeFileSync(at("dist/server/metafile.json"), JSON.stringify(result.metafile));
  // client.ts spawns ./pglite-initdb.js from its own location: it must stay in dist/server, not a chunk.
  const client = Object.entries(result.metafile.outputs).find(([, o]) => "src/db/client.ts" in o.inputs)?.[0];
  if (client !== "dist/server/main.js") throw new Error(`src/db/client.ts went to ${client}, not dist/server/main.js`);
  const misplaced = Object.keys(result.metafile.inputs).filter(readsOwnFiles);
  if (misplaced.length) {
    throw new Error(
      `these bundled files locate files next to themselves; add their package to SERVER_EXTERNAL:\n${misplaced.join("\n")}`,
    );
  }
}

/**
 * Dependencies loaded from node_modules at run time instead of bundled: those that find files
 * relative to their own location (PGlite's .wasm and data files, ioredis's package.json and
 * stack filtering through __dirname), which a bundle would break. pino resolves its transport
 * worker files next to itself (unused: Tickler logs through an async stdout stream, no transport).
 */
/**
 * Optional peers of hono-openapi's schema converters for other validation libraries (Effect, Sury,
 * Valibot, and zod-openapi for zod 3), reached only through `import()` inside a try for those
 * libraries, never for zod 4. They are not installed; a module that throws in their place keeps the
 * bundle from importing packages a production tree does not have (the import fails as it would).
 */
const UNUSED_PEERS = ["zod-openapi", "effect", "sury", "@valibot/to-json-schema"];
const stubUnusedPeers = {
  name: "unused-optional-peers",
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => (UNUSED_PEERS.includes(args.path) && args.kind === "dynamic-import" ? { path: args.path, namespace: "unused-peer" } : undefined));
    b.onLoad({ filter: /.*/, namespace: "unused-peer" }, (args) => ({ contents: `throw new Error(${JSON.stringify(`${args.path} is not installed`)});`, loader: "js" }));
  },
};

// @touch4it/ical-timezones reads its VTIMEZONE files from zones/ next to itself.
const SERVER_EXTERNAL = ["@electric-sql/pglite", "ioredis", "pino", "@touch4it/ical-timezones"];
const OWN_LOCATION = /\b__dirname\b|\b__filename\b|import\.meta\.(url|dirname|filename)\b|require\.resolve\(/;
const readsOwnFiles = (input) => input.includes("node_modules/") && OWN_LOCATION.test(readFileSync(at(input), "utf8"));
const packageOf = (input) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];

/**
 * Packages reached through `import()` whose module is CommonJS. Node gives such an import the
 * package's named exports (`const { X } = await import("pkg")`); an esbuild chunk gives only
 * `default`. Loading them from node_modules keeps Node's behaviour; they are lazy anyway
 * (nodemailer only with SMTP).
 */
function lazyCommonJs(metafile) {
  const packages = [];
  for (const { imports } of Object.values(metafile.inputs)) {
    for (const i of imports) {
      const target = metafile.inputs[i.path];
      if (i.kind === "dynamic-import" && !i.external && target?.format === "cjs" && packageOf(i.path))
        packages.push(packageOf(i.path));
    }
  }
  return packages;
}

async function buildWeb() {
  // Vite bundles React's development build unless NODE_ENV is production (the tests run with "test").
  process.env.NODE_ENV = "production";
  const { build } = await import("vite");
  await build({ configFile: at("web/vite.config.ts"), logLevel: "warn" });
  // The API reference page's script (GET /api/docs), served as a file next to its init.js from web/public.
  cpSync(at("node_modules/@scalar/api-reference/dist/browser/standalone.js"), at("dist/web/api-docs/scalar.js"));
  precompress(at("dist/web"));
}

/**
 * Brotli and gzip copies of every compressible file of the web build (`x.js.br`, `x.js.gz`),
 * at maximum quality since it runs once: the server sends them as they are (serveStatic's
 * `precompressed`), so no request pays for compression.
 */
export function precompress(dir) {
  for (const name of readdirSync(dir, { recursive: true })) {
    const path = join(dir, name);
    if (!/\.(js|mjs|css|html|svg|json|webmanifest|txt|map)$/.test(name) || !statSync(path).isFile()) continue;
    const data = readFileSync(path);
    if (data.length < 1024) continue;
    const br = brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length } });
    const gz = gzipSync(data, { level: 9 });
    // Only where it saves something (already-compressed data can grow).
    if (br.length < data.length) writeFileSync(`${path}.br`, br);
    if (gz.length < data.length) writeFileSync(`${path}.gz`, gz);
  }
}

async function main(args) {
  const ifStale = args.includes("--if-stale");
  const names = Object.keys(TARGETS).filter((n) => args.includes(n));
  for (const name of names.length ? names : Object.keys(TARGETS)) {
    const state = ifStale ? staleness(name) : "forced";
    if (!state) continue;
    if (!toolsInstalled()) {
      // A production install (`--omit=dev`) can serve what is built but cannot build.
      if (state === "stale") {
        console.warn(
          `${TARGETS[name].output} is older than its sources; serving it anyway (run \`npm ci && npm run build\` to rebuild)`,
        );
        continue;
      }
      console.error(
        `${TARGETS[name].output} is missing and the build tools are not installed: run \`npm ci && npm run build\` first`,
      );
      process.exit(1);
    }
    const started = performance.now();
    await TARGETS[name].build();
    console.log(`built ${name} in ${Math.round(performance.now() - started)} ms`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2));
