/**
 * A full garbage collection on request. On a new data directory PGlite runs initdb
 * in a second Postgres instance and closes it; its WASM memory (~260 MB) is garbage
 * from then on, but V8 frees it only at its next full collection, which an idle
 * server may not have for hours (docs/decisions/010). Node offers no API for this;
 * `--expose-gc` set at run time gives a `gc` to a fresh context only, not to every
 * module through a global.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  gc();
}
