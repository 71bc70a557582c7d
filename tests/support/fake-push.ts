/**
 * A local Web Push service for tests. It does what a real one must: checks the
 * VAPID JWT (ES256, signed by the key in `k=`, `aud` = its origin, `exp` within
 * 24 h) and, holding the browser's side of the subscription, decrypts the
 * aes128gcm body (RFC 8188 framing, RFC 8291 key derivation) with node:crypto.
 */
import { execFileSync } from "node:child_process";
import { createDecipheriv, createECDH, createHmac, createPublicKey, randomBytes, verify } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PushedMessage {
  endpoint: string;
  /** The decrypted payload. */
  text: string;
  /** The VAPID public key the JWT verified against. */
  vapidKey: string;
  claims: { aud: string; exp: number; sub: string };
  ttl: string | undefined;
}

export interface BrowserSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface FakePushService {
  /** Trusts the service's self-signed certificate (give it to the server's Web Push client). */
  agent: Agent;
  /** A new subscription as a browser makes it: its own key pair and auth secret. */
  subscribe(): BrowserSubscription;
  /** Answers this status (e.g. 410 Gone) for the endpoint from now on. */
  answer(endpoint: string, status: number): void;
  received: PushedMessage[];
  /** Requests refused (bad JWT or undecryptable body), with why. */
  rejected: string[];
  close(): Promise<void>;
}

const b64u = (s: string) => Buffer.from(s, "base64url");
const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest();

/** RFC 8291 §3.4 and RFC 8188 §2: one record, as web-push sends it. */
export function decryptAes128gcm(body: Buffer, uaPrivate: Buffer, uaPublic: Buffer, authSecret: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLen = body[20]!;
  const asPublic = body.subarray(21, 21 + idLen);
  const record = body.subarray(21 + idLen);
  const ecdh = createECDH("prime256v1");
  ecdh.setPrivateKey(uaPrivate);
  const ecdhSecret = ecdh.computeSecret(asPublic);
  const prkKey = hmac(authSecret, ecdhSecret);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), uaPublic, asPublic, Buffer.from([1])]);
  const ikm = hmac(prkKey, keyInfo);
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01")).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01")).subarray(0, 12);
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // Padding: the last record ends with 0x02 then zero or more 0x00.
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end--;
  if (plain[end] !== 2) throw new Error("bad padding delimiter");
  return plain.subarray(0, end).toString("utf8");
}

/** Verifies `vapid t=<jwt>, k=<key>`; returns the claims and key. */
export function verifyVapid(
  header: string | undefined,
  origin: string,
): { claims: PushedMessage["claims"]; key: string } {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!m) throw new Error(`no vapid authorization: ${header}`);
  const [, jwt, key] = m as unknown as [string, string, string];
  const [h, p, s] = jwt.split(".") as [string, string, string];
  if ((JSON.parse(b64u(h).toString()) as { alg: string }).alg !== "ES256") throw new Error("not ES256");
  const point = b64u(key);
  if (point.length !== 65 || point[0] !== 4) throw new Error("k is not an uncompressed P-256 point");
  const publicKey = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33).toString("base64url"),
    },
    format: "jwk",
  });
  if (!verify("sha256", Buffer.from(`${h}.${p}`), { key: publicKey, dsaEncoding: "ieee-p1363" }, b64u(s)))
    throw new Error("bad JWT signature");
  const claims = JSON.parse(b64u(p).toString()) as PushedMessage["claims"];
  if (claims.aud !== origin) throw new Error(`aud ${claims.aud} is not ${origin}`);
  const now = Date.now() / 1000;
  if (!(claims.exp > now && claims.exp <= now + 24 * 3600)) throw new Error("exp out of range");
  if (!/^(mailto:|https:)/.test(claims.sub)) throw new Error("bad sub");
  return { claims, key };
}

export async function startFakePush(): Promise<FakePushService> {
  const dir = mkdtempSync(join(tmpdir(), "fake-push-"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "1",
      "-keyout",
      join(dir, "key.pem"),
      "-out",
      join(dir, "cert.pem"),
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  const cert = readFileSync(join(dir, "cert.pem"));
  const key = readFileSync(join(dir, "key.pem"));
  rmSync(dir, { recursive: true, force: true });

  const browsers = new Map<string, { priv: Buffer; pub: Buffer; auth: Buffer }>();
  const statuses = new Map<string, number>();
  const received: PushedMessage[] = [];
  const rejected: string[] = [];
  let origin = "";
  const server: Server = createServer({ cert, key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const endpoint = `${origin}${req.url}`;
      const browser = browsers.get(endpoint);
      try {
        if (!browser) throw new Error(`unknown endpoint ${endpoint}`);
        if (req.headers["content-encoding"] !== "aes128gcm") throw new Error("not aes128gcm");
        const { claims, key: vapidKey } = verifyVapid(req.headers.authorization, origin);
        const text = decryptAes128gcm(Buffer.concat(chunks), browser.priv, browser.pub, browser.auth);
        received.push({ endpoint, text, vapidKey, claims, ttl: req.headers.ttl as string | undefined });
        res.writeHead(statuses.get(endpoint) ?? 201).end();
      } catch (err) {
        rejected.push((err as Error).message);
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new Agent({ ca: cert, keepAlive: false });
  return {
    agent,
    received,
    rejected,
    subscribe() {
      const ecdh = createECDH("prime256v1");
      const pub = ecdh.generateKeys();
      const auth = randomBytes(16);
      const endpoint = `${origin}/push/${randomBytes(8).toString("hex")}`;
      browsers.set(endpoint, { priv: ecdh.getPrivateKey(), pub, auth });
      return { endpoint, keys: { p256dh: pub.toString("base64url"), auth: auth.toString("base64url") } };
    },
    answer: (endpoint, status) => void statuses.set(endpoint, status),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
