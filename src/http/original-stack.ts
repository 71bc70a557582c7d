/**
 * Stack traces in the sources' terms, worked out only when an unexpected error is logged.
 * `npm start` runs without `--enable-source-maps`, which parses the bundle's map at start and keeps
 * ~40 MB of it resident for the process's life (decision 028); here only a logged 500 reads the map,
 * and the parsed map is let go a minute later. With source maps on, stacks are already mapped.
 */
import { readFileSync } from "node:fs";
import { SourceMap, type SourceMapPayload } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** `…(file:///app/dist/server/main.js:12:34)` or `at /app/dist/server/main.js:12:34`. */
const FRAME = /((?:file:\/\/)?\/[^\s():]+\.m?js):(\d+):(\d+)/g;
const KEEP_MS = 60_000;

const maps = new Map<string, SourceMap | null>();
let forget: NodeJS.Timeout | undefined;

function mapOf(file: string): SourceMap | null {
  let map = maps.get(file);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")) as SourceMapPayload);
    } catch {
      map = null; // no map beside the file (a dependency, node: internals): the frame stays as it is
    }
    maps.set(file, map);
    forget ??= setTimeout(() => {
      maps.clear();
      forget = undefined;
    }, KEEP_MS).unref();
  }
  return map;
}

export function originalStack(stack: string | undefined): string | undefined {
  if (!stack || process.sourceMapsEnabled) return stack;
  return stack.replace(FRAME, (frame, location: string, line: string, column: string) => {
    const file = location.startsWith("file://") ? fileURLToPath(location) : location;
    const entry = mapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !("originalSource" in entry)) return frame;
    const source = entry.originalSource.startsWith("file://")
      ? fileURLToPath(entry.originalSource)
      : resolve(dirname(file), entry.originalSource);
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
