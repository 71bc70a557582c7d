/**
 * Web Push through the `web-push` package: VAPID-signed (ES256) requests with
 * the payload encrypted for the subscription (aes128gcm, RFC 8291).
 */
import type { Agent } from "node:https";
import webpush from "web-push";
import type { PushTarget } from "../../domain/reminders/channels.ts";

export type PushOutcome = "delivered" | "gone" | "failed";

export interface PushSender {
  readonly publicKey: string;
  send(target: PushTarget, payload: string): Promise<PushOutcome>;
}

export const generateVapidKeys = () => webpush.generateVAPIDKeys();

export interface PushSenderOptions {
  publicKey: string;
  privateKey: string;
  /** `mailto:` or `https:` contact the push service may use (VAPID `sub`). */
  subject: string;
  /** Tests: an agent that trusts the fake push service's certificate. */
  agent?: Agent | undefined;
  /** How long a pushed reminder may wait at the push service for an offline browser. */
  ttlSeconds: number;
}

export function createPushSender(o: PushSenderOptions): PushSender {
  return {
    publicKey: o.publicKey,
    async send(target, payload) {
      try {
        await webpush.sendNotification(target, payload, {
          vapidDetails: { subject: o.subject, publicKey: o.publicKey, privateKey: o.privateKey },
          TTL: o.ttlSeconds,
          contentEncoding: "aes128gcm",
          timeout: 10_000,
          urgency: "high",
          ...(o.agent ? { agent: o.agent } : {}),
        });
        return "delivered";
      } catch (err) {
        const status = (err as { statusCode?: number }).statusCode;
        return status === 404 || status === 410 ? "gone" : "failed";
      }
    },
  };
}

/** A VAPID subject from the configuration: the public URL when it is https, else the sender's address. */
export function vapidSubject(publicUrl: string, mailFrom: string): string {
  if (publicUrl.startsWith("https://")) return publicUrl;
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return `mailto:${address}`;
}
