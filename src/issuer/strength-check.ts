/**
 * The issuer's zxcvbn, held only while passwords are being set. Built, its
 * dictionaries take ~27 MB of live heap (and V8 lets the heap grow to a multiple
 * of the live set), for a check that runs on sign-up, reset and change only.
 * So it is required (not imported: ES modules are never unloaded) on first use
 * and let go IDLE_MS after the last one, its modules taken out of require's
 * cache so the garbage collector can take them. Building it again costs
 * ~150 ms of CPU, at most once per IDLE_MS: under 0.5 % of a core.
 */
import { createRequire } from "node:module";
import type { StrengthCheck } from "../contracts/auth.ts";
import { strengthCheckOf, type StrengthModules } from "../contracts/password-strength.ts";

export const IDLE_MS = 30_000;

/** require's cache (one, process-wide); this require function itself never loads anything. */
const cache = createRequire(import.meta.url).cache;
let held: { check: StrengthCheck; modules: string[]; release: NodeJS.Timeout } | undefined;

/** The check, built now if it is not held; each call keeps it another IDLE_MS. */
export function strengthCheck(): StrengthCheck {
  if (held) {
    held.release.refresh();
    return held.check;
  }
  // A require function per build: the module behind it lists what it loaded in `children`, which
  // would keep the dictionaries alive after the cache let go of them (a heap snapshot showed it).
  const cjs = createRequire(import.meta.url);
  // cjs() is synchronous: what enters the cache meanwhile is zxcvbn's and nothing else's.
  const before = new Set(Object.keys(cache));
  const check = strengthCheckOf({
    core: cjs("@zxcvbn-ts/core") as StrengthModules["core"],
    common: cjs("@zxcvbn-ts/language-common") as StrengthModules["common"],
    en: cjs("@zxcvbn-ts/language-en") as StrengthModules["en"],
  });
  const modules = Object.keys(cache).filter((id) => !before.has(id));
  held = { check, modules, release: setTimeout(releaseStrengthCheck, IDLE_MS).unref() };
  return check;
}

export function strengthCheckHeld(): boolean {
  return held !== undefined;
}

/** Drops the check and the modules it brought into require's cache (exported for tests). */
export function releaseStrengthCheck(): void {
  if (!held) return;
  clearTimeout(held.release);
  for (const id of held.modules) delete cache[id];
  held = undefined;
  // An idle server may not collect for hours: ask for the major GC that frees the dictionaries now
  // (npm start passes --expose-gc; elsewhere there is no gc() and they go with the next collection).
  (globalThis as { gc?: (options: { type: "major"; execution: "async" }) => unknown }).gc?.({ type: "major", execution: "async" });
}
