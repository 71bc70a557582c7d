/**
 * Every forged, stale or malformed token is refused with 401, the right code and
 * a WWW-Authenticate challenge. The HS256-without-kid case is the original
 * system's bug: such a token can never be minted here and is always refused.
 */
import { decodeProtectedHeader, generateKeyPair, SignJWT, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TEST_ORIGIN, TEST_SECRET, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let user: TestUser;
let kid: string;
let publicJwk: JWK;

beforeAll(async () => {
  t = await createTestApp();
  user = await t.signUp("Victim");
  kid = decodeProtectedHeader(user.token).kid!;
  const jwks = (await (await t.request("/api/auth/jwks")).json()) as { keys: JWK[] };
  publicJwk = jwks.keys.find((k) => k.kid === kid)!;
});
afterAll(() => t.close());

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
const now = () => Math.floor(Date.now() / 1000);

/** A token signed by the issuer's real key with chosen claims (Better Auth's server-only signer). */
async function issuerSigned(payload: Record<string, unknown>): Promise<string> {
  const res = await t.tickler.auth!.api.signJWT({ body: { payload } });
  return res.token;
}

async function expectRefused(authorization: string | undefined, code: string) {
  const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
  const res = await t.request("/api/me/tasks", { headers });
  expect(res.status).toBe(401);
  expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toMatch(/at .*\.ts:\d+/); // no stack traces
}

describe("token attack suite", () => {
  it("accepts the genuine token (control)", async () => {
    expect((await t.request("/api/me/tasks", { headers: { authorization: `Bearer ${user.token}` } })).status).toBe(200);
  });

  it("refuses a request without Authorization", () => expectRefused(undefined, "token_missing"));
  it("refuses a wrong scheme", () => expectRefused(`Basic ${user.token}`, "token_invalid"));
  it("refuses garbage", () => expectRefused("Bearer not-a-jwt", "token_invalid"));

  it('refuses alg "none"', async () => {
    const token = `${b64({ alg: "none", kid })}.${b64({ sub: user.id, iss: TEST_ORIGIN, aud: "tickler-api", exp: now() + 600 })}.`;
    await expectRefused(`Bearer ${token}`, "token_invalid");
  });

  it("refuses HS256 signed with the public key bytes (algorithm confusion)", async () => {
    const claims = { sub: user.id, iss: TEST_ORIGIN, aud: "tickler-api", exp: now() + 600 };
    for (const secret of [Buffer.from(publicJwk.x!, "base64url"), Buffer.from(JSON.stringify(publicJwk))]) {
      const token = await new SignJWT(claims).setProtectedHeader({ alg: "HS256", kid }).sign(secret);
      await expectRefused(`Bearer ${token}`, "token_invalid");
    }
  });

  it("refuses HS256 signed with the auth secret and no kid (the original's bug)", async () => {
    const token = await new SignJWT({ sub: user.id, iss: TEST_ORIGIN, aud: "tickler-api" })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode(TEST_SECRET));
    await expectRefused(`Bearer ${token}`, "token_invalid");
  });

  it("refuses an unknown kid", async () => {
    const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
    const token = await new SignJWT({ sub: user.id })
      .setProtectedHeader({ alg: "EdDSA", kid: "no-such-key" })
      .setIssuer(TEST_ORIGIN)
      .setAudience("tickler-api")
      .setExpirationTime("10m")
      .sign(privateKey);
    await expectRefused(`Bearer ${token}`, "token_unknown_key");
  });

  it("refuses a token signed by another Ed25519 key with a copied kid", async () => {
    const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
    const token = await new SignJWT({ sub: user.id, email: user.email })
      .setProtectedHeader({ alg: "EdDSA", kid })
      .setIssuer(TEST_ORIGIN)
      .setAudience("tickler-api")
      .setExpirationTime("10m")
      .sign(privateKey);
    await expectRefused(`Bearer ${token}`, "token_invalid");
  });

  it("refuses a wrong issuer", async () =>
    expectRefused(`Bearer ${await issuerSigned({ sub: user.id, iss: "https://evil.example" })}`, "token_claims_invalid"));

  it("refuses a wrong audience", async () =>
    expectRefused(`Bearer ${await issuerSigned({ sub: user.id, aud: "someone-else" })}`, "token_claims_invalid"));

  it("refuses an expired token (beyond the 60 s skew)", async () =>
    expectRefused(`Bearer ${await issuerSigned({ sub: user.id, iat: now() - 1000, exp: now() - 61 })}`, "token_expired"));

  it("accepts a token expired less than the 60 s skew ago", async () => {
    const token = await issuerSigned({ sub: user.id, iat: now() - 1000, exp: now() - 20 });
    expect((await t.request("/api/me/tasks", { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it("refuses a token whose nbf is in the future", async () =>
    expectRefused(`Bearer ${await issuerSigned({ sub: user.id, nbf: now() + 600 })}`, "token_not_yet_valid"));

  it("refuses a token without sub", async () =>
    expectRefused(`Bearer ${await issuerSigned({ email: user.email })}`, "token_claims_invalid"));

  it("refuses a tampered payload", async () => {
    const [h, , s] = user.token.split(".");
    const forged = b64({ ...JSON.parse(Buffer.from(user.token.split(".")[1]!, "base64url").toString()), sub: "someone-else" });
    await expectRefused(`Bearer ${h}.${forged}.${s}`, "token_invalid");
  });

  it("refuses a tampered signature", async () => {
    const [h, p, s] = user.token.split(".");
    const flipped = (s![0] === "A" ? "B" : "A") + s!.slice(1);
    await expectRefused(`Bearer ${h}.${p}.${flipped}`, "token_invalid");
  });

  it("refuses an oversized token", async () => {
    const token = await issuerSigned({ sub: user.id, junk: "x".repeat(20_000) });
    await expectRefused(`Bearer ${token}`, "token_invalid");
  });

  it("never mints anything but EdDSA with a kid", async () => {
    for (let i = 0; i < 3; i++) {
      const h = decodeProtectedHeader(await t.tokenFor(user.cookie));
      expect(h).toMatchObject({ alg: "EdDSA", kid });
    }
  });
});
