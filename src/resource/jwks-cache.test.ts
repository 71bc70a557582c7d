import { exportJWK, generateKeyPair, type JSONWebKeySet } from "jose";
import { describe, expect, it } from "vitest";
import { JwksCache, JwksUnavailableError } from "./jwks-cache.ts";

async function keySet(...kids: string[]): Promise<JSONWebKeySet> {
  const keys = [];
  for (const kid of kids) {
    const { publicKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
    keys.push({ ...(await exportJWK(publicKey)), kid, alg: "EdDSA" });
  }
  return { keys };
}

describe("JwksCache", () => {
  it("refetches at most once per cooldown however many unknown kids arrive", async () => {
    let loads = 0;
    const set = await keySet("a");
    const cache = new JwksCache({ load: async () => (loads++, set), cooldownMs: 60_000 });
    expect(await cache.get("a", "EdDSA")).toBeDefined();
    for (let i = 0; i < 100; i++) expect(await cache.get(`garbage-${i}`, "EdDSA")).toBeUndefined();
    expect(loads).toBe(1);
  });

  it("picks up a rotated key on the first unknown kid after the cooldown", async () => {
    let current = await keySet("old");
    let loads = 0;
    const cache = new JwksCache({ load: async () => (loads++, current), cooldownMs: 0 });
    expect(await cache.get("old", "EdDSA")).toBeDefined();
    current = await keySet("old", "new");
    expect(await cache.get("new", "EdDSA")).toBeDefined();
    expect(loads).toBe(2);
  });

  it("coalesces concurrent refetches into one load", async () => {
    let loads = 0;
    const set = await keySet("k");
    const cache = new JwksCache({
      load: async () => {
        loads++;
        await new Promise((r) => setTimeout(r, 20));
        return set;
      },
      cooldownMs: 0,
    });
    await Promise.all(Array.from({ length: 20 }, () => cache.get("k", "EdDSA")));
    expect(loads).toBe(1);
  });

  it("refuses a key whose published alg differs from the token's", async () => {
    const cache = new JwksCache({ load: async () => keySet("k"), cooldownMs: 0 });
    expect(await cache.get("k", "ES256")).toBeUndefined();
  });

  it("reports an unreachable issuer as JwksUnavailableError", async () => {
    const cache = new JwksCache({ load: () => Promise.reject(new Error("ECONNREFUSED")), cooldownMs: 0 });
    await expect(cache.get("k", "EdDSA")).rejects.toBeInstanceOf(JwksUnavailableError);
  });
});
