/**
 * The issuer holds zxcvbn only while passwords are being set: built on first
 * use, released IDLE_MS after the last, its modules out of require's cache so
 * the next use builds it afresh from disk.
 */
import { createRequire } from "node:module";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadStrengthCheck } from "../contracts/password-strength.ts";
import { IDLE_MS, releaseStrengthCheck, strengthCheck, strengthCheckHeld } from "./strength-check.ts";

const cache = createRequire(import.meta.url).cache;
const zxcvbnModules = () => Object.keys(cache).filter((id) => /[/\\](@zxcvbn-ts|fastest-levenshtein)[/\\]/.test(id));
const PASSWORDS = ["password1", "margarethe1", "correct horse battery", "qwertyuiop", "mcp client pass"];

afterEach(() => {
  releaseStrengthCheck();
  vi.useRealTimers();
});

describe("the issuer's strength check", () => {
  it("is built on first use and judges as the web's does", async () => {
    releaseStrengthCheck();
    expect(strengthCheckHeld()).toBe(false);
    const check = strengthCheck();
    expect(strengthCheckHeld()).toBe(true);
    expect(zxcvbnModules().length).toBeGreaterThan(3);
    const web = await loadStrengthCheck();
    for (const p of PASSWORDS) expect(check(p, ["margarethe"]).score, p).toBe(web(p, ["margarethe"]).score);
    expect(strengthCheck()).toBe(check); // held: the same one
  });

  it("lets go of the check and its modules IDLE_MS after the last use, not before", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    strengthCheck();
    vi.advanceTimersByTime(IDLE_MS - 1_000);
    strengthCheck(); // a use keeps it another IDLE_MS
    vi.advanceTimersByTime(IDLE_MS - 1_000);
    expect(strengthCheckHeld()).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(strengthCheckHeld()).toBe(false);
    expect(zxcvbnModules()).toEqual([]);
  });

  it("asks for a major collection when it lets go, where gc() is exposed (npm start)", () => {
    const gc = vi.fn();
    vi.stubGlobal("gc", gc);
    try {
      strengthCheck();
      releaseStrengthCheck();
      expect(gc).toHaveBeenCalledExactlyOnceWith({ type: "major", execution: "async" });
      releaseStrengthCheck(); // nothing held: no second collection
      expect(gc).toHaveBeenCalledOnce();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("leaves nothing that keeps the dictionaries alive once it lets go", async () => {
    // A full collection on demand, as npm start's --expose-gc gives the server.
    v8.setFlagsFromString("--expose-gc");
    const collect = runInNewContext("gc") as () => void;
    strengthCheck();
    const en = zxcvbnModules().find((id) => /language-en/.test(id))!;
    const dictionaries = new WeakRef(cache[en]!.exports as object);
    releaseStrengthCheck();
    await new Promise((done) => setTimeout(done)); // a WeakRef holds its target until the job that made it ends
    collect();
    expect(dictionaries.deref()).toBeUndefined();
  });

  it("builds a working check again after letting go", () => {
    const first = strengthCheck();
    const verdicts = PASSWORDS.map((p) => first(p, []).score);
    releaseStrengthCheck();
    const again = strengthCheck();
    expect(again).not.toBe(first);
    expect(PASSWORDS.map((p) => again(p, []).score)).toEqual(verdicts);
  });
});
