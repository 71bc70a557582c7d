/**
 * Each request's id (`X-Request-Id` on the response, `request_id` in logs and
 * error bodies). An incoming id is kept only from a proxy listed in TRUST_PROXY
 * — so a load balancer's id follows the request through — and only if it is a
 * short token; anything else gets a fresh UUID. A client that could choose its
 * id could forge or collide log lines, or smuggle text into them.
 */
import type { BlockList } from "node:net";
import { createMiddleware } from "hono/factory";
import { isTrustedPeer, peerAddress } from "./client-ip.ts";

/** Letters, digits, `.`, `_`, `-`; 8–64 long (a UUID fits). */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

export type RequestIdEnv = { Variables: { requestId: string } };

export function requestIds(trusted: BlockList) {
  return createMiddleware<RequestIdEnv>(async function requestIds(c, next) {
    const incoming = c.req.header("x-request-id");
    const keep = incoming !== undefined && REQUEST_ID_PATTERN.test(incoming) && isTrustedPeer(peerAddress(c), trusted);
    const id = keep ? incoming : crypto.randomUUID();
    c.set("requestId", id);
    c.header("X-Request-Id", id);
    await next();
  });
}
