/**
 * The client's IP address, for rate limits and session records. The socket
 * peer is the client unless it is a proxy listed in TRUST_PROXY; then
 * X-Forwarded-For is read from the right, skipping trusted hops, and the first
 * untrusted address is the client (the left part is client-supplied, never believed).
 */
import { BlockList, isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { ConfigError } from "../config/env.ts";

/** Set by us on the request handed to Better Auth; any client-sent value is replaced. */
export const CLIENT_IP_HEADER = "x-tickler-client-ip";

const KEYWORDS: Record<string, [string, number, "ipv4" | "ipv6"][]> = {
  loopback: [
    ["127.0.0.0", 8, "ipv4"],
    ["::1", 128, "ipv6"],
  ],
  private: [
    ["10.0.0.0", 8, "ipv4"],
    ["172.16.0.0", 12, "ipv4"],
    ["192.168.0.0", 16, "ipv4"],
    ["fc00::", 7, "ipv6"],
  ],
};

const family = (ip: string) => (isIP(ip) === 6 ? "ipv6" : "ipv4");
const unmap = (ip: string) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip) ? ip.slice(7) : ip);

/** Parses TRUST_PROXY entries (IPs, CIDRs, `loopback`, `private`); throws on a bad entry. */
export function trustedProxies(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const keyword = KEYWORDS[entry.toLowerCase()];
    if (keyword) {
      for (const [net, prefix, fam] of keyword) list.addSubnet(net, prefix, fam);
      continue;
    }
    const [addr = "", prefix] = entry.split("/");
    if (!isIP(addr)) throw new ConfigError(`TRUST_PROXY: "${entry}" is not an IP, a CIDR, "loopback" or "private"`);
    const bits = Number(prefix);
    if (prefix === undefined) list.addAddress(addr, family(addr));
    else if (Number.isInteger(bits) && bits >= 0 && bits <= (family(addr) === "ipv6" ? 128 : 32)) list.addSubnet(addr, bits, family(addr));
    else throw new ConfigError(`TRUST_PROXY: "${entry}" has a bad prefix length`);
  }
  return list;
}

/** Resolves the client IP from the peer and the trusted part of X-Forwarded-For. */
export function resolveClientIp(peer: string | undefined, forwardedFor: string | undefined, trusted: BlockList): string | undefined {
  if (!peer) return undefined;
  let current = unmap(peer);
  const hops = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  while (trusted.check(current, family(current)) && hops.length > 0) {
    const next = unmap(hops.pop()!);
    if (!isIP(next)) break; // garbage in the chain: stop at the last address we trust
    current = next;
  }
  return current;
}

/** Whether the socket peer is a proxy listed in TRUST_PROXY (whose forwarded headers we believe). */
export function isTrustedPeer(peer: string | undefined, trusted: BlockList): boolean {
  if (!peer) return false;
  const ip = unmap(peer);
  return trusted.check(ip, family(ip));
}

/** The socket peer address; undefined for in-process requests (tests via app.request). */
export function peerAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

export function clientIpOf(trusted: BlockList) {
  return (c: Context) => resolveClientIp(peerAddress(c), c.req.header("x-forwarded-for"), trusted);
}
