/** The cost of one token verification, with and without the verified-token cache. */
import type { JSONWebKeySet } from "jose";
import { JwksCache } from "../src/resource/jwks-cache.ts";
import { createVerifier } from "../src/resource/verify-jwt.ts";

export async function verifyCost(baseUrl: string, token: string, iterations = 5_000) {
  const keys = (await (await fetch(`${baseUrl}/api/auth/jwks`)).json()) as JSONWebKeySet;
  const jwks = new JwksCache({ load: async () => keys, cooldownMs: 60_000 });
  const opts = { jwks, issuer: baseUrl, audience: "tickler-api", algorithms: ["EdDSA"] };
  const time = async (cache: boolean) => {
    const verify = createVerifier({ ...opts, cache });
    for (let i = 0; i < 200; i++) await verify(token); // warm-up
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) await verify(token);
    return ((performance.now() - t0) * 1000) / iterations;
  };
  return { iterations, uncachedUs: await time(false), cachedUs: await time(true) };
}
