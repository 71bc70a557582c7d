/**
 * Keeps the issuer's public keys. An unknown `kid` triggers one refetch, at
 * most once per cooldown, so rotated keys are picked up without a restart and
 * garbage `kid`s cannot make us hammer the issuer.
 */
import { importJWK, type JSONWebKeySet, type JWK, type CryptoKey } from "jose";

export class JwksUnavailableError extends Error {
  override name = "JwksUnavailableError";
}

export interface JwksCacheOptions {
  /** Fetches the current key set (over HTTP, or straight from an in-process issuer). */
  load: () => Promise<JSONWebKeySet>;
  cooldownMs: number;
}

export class JwksCache {
  #keys = new Map<string, { jwk: JWK; key?: CryptoKey | Uint8Array }>();
  #lastFetch = 0;
  #inflight: Promise<void> | undefined;
  #loaded = false;

  constructor(private readonly opts: JwksCacheOptions) {}

  /** The key for `kid`, or undefined when the issuer does not publish it. */
  async get(kid: string, alg: string): Promise<CryptoKey | Uint8Array | undefined> {
    let entry = this.#keys.get(kid);
    if (!entry && (!this.#loaded || Date.now() - this.#lastFetch >= this.opts.cooldownMs)) {
      await this.refresh();
      entry = this.#keys.get(kid);
    }
    if (!entry) return undefined;
    if (entry.jwk.alg && entry.jwk.alg !== alg) return undefined; // the key pins its algorithm
    entry.key ??= await importJWK(entry.jwk, alg);
    return entry.key;
  }

  /** Refetches (coalescing concurrent callers); throws JwksUnavailableError. */
  refresh(): Promise<void> {
    this.#inflight ??= (async () => {
      try {
        this.#lastFetch = Date.now();
        const set = await this.opts.load();
        if (!set || !Array.isArray(set.keys)) throw new Error("JWKS has no keys array");
        const next = new Map<string, { jwk: JWK; key?: CryptoKey | Uint8Array }>();
        for (const jwk of set.keys) {
          if (typeof jwk.kid !== "string" || jwk.use === "enc") continue;
          next.set(jwk.kid, this.#keys.get(jwk.kid) ?? { jwk });
        }
        this.#keys = next;
        this.#loaded = true;
      } catch (err) {
        throw new JwksUnavailableError(`JWKS could not be fetched: ${(err as Error).message}`);
      } finally {
        this.#inflight = undefined;
      }
    })();
    return this.#inflight;
  }
}

/** Loads a JWKS over HTTP with a timeout. */
export function httpJwksLoader(url: string, timeoutMs = 5_000): () => Promise<JSONWebKeySet> {
  return async () => {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return (await res.json()) as JSONWebKeySet;
  };
}
