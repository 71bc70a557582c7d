/** Subscribes this browser to Web Push with the server's VAPID key and registers it with the server. */
import { loadServerConfig } from "../../lib/server-config.ts";
import { deletePushSubscription, savePushSubscription } from "./reminders-api.ts";

const keyBytes = (base64url: string) => {
  const raw = atob(base64url.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
};

async function registration(): Promise<ServiceWorkerRegistration | null> {
  if (!("serviceWorker" in navigator) || !("PushManager" in window)) return null;
  return (await navigator.serviceWorker.getRegistration()) ?? null;
}

/** "subscribed", or why push is not available (notifications still show while a tab is open). */
export async function subscribeToPush(): Promise<"subscribed" | "unsupported" | "failed"> {
  const reg = await registration();
  const { vapidPublicKey } = await loadServerConfig();
  if (!reg || !vapidPublicKey) return "unsupported";
  try {
    const sub =
      (await reg.pushManager.getSubscription()) ??
      (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(vapidPublicKey) }));
    await savePushSubscription(sub.toJSON());
    return "subscribed";
  } catch {
    return "failed";
  }
}

export async function unsubscribeFromPush(): Promise<void> {
  const sub = await (await registration())?.pushManager.getSubscription();
  if (!sub) return;
  await deletePushSubscription(sub.endpoint).catch(() => {});
  await sub.unsubscribe();
}

export async function pushActive(): Promise<boolean> {
  return Boolean(await (await registration())?.pushManager.getSubscription());
}
