/**
 * The cost of one token verification, with and without the verified-token
 * cache, and both again with the revocation check (`sid` looked up in a set of
 * 10,000 ended sessions) — the baseline and the check measured in one run.
 */
import type { JSONWebKeySet } from "jose";
import { JwksCache } from "../src/resource/jwks-cache.ts";
import { createVerifier } from "../src/resource/verify-jwt.ts";

export async function verifyCost(baseUrl: string, token: string, iterations = 5_000) {
  const keys = (await (await fetch(`${baseUrl}/api/auth/jwks`)).json()) as JSONWebKeySet;
  const jwks = new JwksCache({ load: async () => keys, cooldownMs: 60_000 });
  const opts = { jwks, issuer: baseUrl, audience: "tickler-api", algorithms: ["EdDSA"] };
  const ended = new Map(Array.from({ length: 10_000 }, (_, i) => [`ended-session-${i}`, Date.now()]));
  const revoked = (sid: string) => ended.has(sid);
  const time = async (cache: boolean, withRevocations: boolean) => {
    const verify = createVerifier({ ...opts, cache, ...(withRevocations ? { revoked } : {}) });
    for (let i = 0; i < 200; i++) await verify(token); // warm-up
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) await verify(token);
    return ((performance.now() - t0) * 1000) / iterations;
  };
  return {
    iterations,
    uncachedUs: await time(false, false),
    cachedUs: await time(true, false),
    uncachedRevocationUs: await time(false, true),
    cachedRevocationUs: await time(true, true),
  };
}
