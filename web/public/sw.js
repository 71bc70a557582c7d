/*
 * Tickler's service worker: keeps the app shell (index.html, the built JS/CSS,
 * icons) so the app opens and shows its offline state without the server.
 *
 * It never caches API answers or anything else per user: /api, /mcp and
 * /.well-known go straight to the network, so after sign-out (or another user
 * signing in on this browser) nothing of the previous user is served from here.
 * The shell is the same for everyone.
 *
 * Web Push: a pushed reminder is shown as a notification (with Snooze actions);
 * a click opens (or focuses) Tickler at the task. The worker holds no token, so
 * a snooze is carried out by an open Tickler tab, or by the one it opens.
 */
const CACHE = "tickler-shell-v1";
const NETWORK_ONLY = ["/api/", "/mcp", "/.well-known/", "/healthz", "/readyz"];
const STATIC = ["/", "/manifest.webmanifest", "/favicon.svg", "/theme-init.js", "/icons/icon-192.png", "/icons/icon-512.png"];

/** The built files index.html references (hashed names under /assets/). */
const assetsOf = (html) => [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const res = await fetch("/", { headers: { accept: "text/html" }, cache: "no-cache" });
  if (!res.ok) throw new Error(`shell: ${res.status}`);
  const html = await res.clone().text();
  await cache.put("/", res);
  await cache.addAll([...STATIC.slice(1), ...assetsOf(html)]);
  // Drop built files of older versions (names change with every build).
  const keep = new Set(assetsOf(html).map((p) => new URL(p, self.location.origin).href));
  for (const req of await cache.keys()) if (new URL(req.url).pathname.startsWith("/assets/") && !keep.has(req.url)) await cache.delete(req);
}

self.addEventListener("install", (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  if (NETWORK_ONLY.some((p) => url.pathname.startsWith(p))) return;

  if (req.mode === "navigate") {
    // Network first, so a new version shows at once; the cached shell when the server is away.
    event.respondWith(
      (async () => {
        try {
          const res = await fetch(req);
          if (res.ok) {
            const cache = await caches.open(CACHE);
            await cache.put("/", res.clone());
          }
          return res;
        } catch {
          return (await caches.match("/")) ?? Response.error();
        }
      })(),
    );
    return;
  }

  // Hashed assets never change; the few other static files are refreshed in the background.
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(req);
      const refresh = fetch(req)
        .then(async (res) => {
          if (res.ok) await cache.put(req, res.clone());
          return res;
        })
        .catch(() => undefined);
      if (hit && url.pathname.startsWith("/assets/")) return hit;
      if (hit) {
        event.waitUntil(refresh);
        return hit;
      }
      return (await refresh) ?? Response.error();
    })(),
  );
});

// ---- Reminders (Web Push) ----

const SNOOZE_ACTIONS = { "snooze-10m": "10m", "snooze-1h": "1h", "snooze-tomorrow": "tomorrow" };

self.addEventListener("push", (event) => {
  let message;
  try {
    message = event.data ? event.data.json() : null;
  } catch {
    return; // not ours
  }
  if (!message || message.type !== "reminder" || !message.reminder) return;
  const r = message.reminder;
  event.waitUntil(
    self.registration.showNotification(r.title, {
      body: r.late ? "Reminder (late: Tickler was offline at its time)" : r.due_at ? `Due ${new Date(r.due_at).toLocaleString()}` : "Reminder",
      tag: `reminder-${r.id}`,
      icon: "/icons/icon-192.png",
      data: { reminder: r, url: message.url || `/?task=${r.task_id}` },
      actions: [
        { action: "snooze-10m", title: "Snooze 10 min" },
        { action: "snooze-1h", title: "Snooze 1 hour" },
        { action: "snooze-tomorrow", title: "Tomorrow" },
      ],
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  const notification = event.notification;
  const data = notification.data || {};
  notification.close();
  const snooze = SNOOZE_ACTIONS[event.action];
  const reminder = data.reminder;
  event.waitUntil(
    (async () => {
      const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const client = open.find((c) => new URL(c.url).origin === self.location.origin);
      if (snooze && reminder) {
        if (client) return client.postMessage({ type: "reminder-snooze", id: reminder.id, choice: snooze });
        const url = new URL(data.url || "/", self.location.origin);
        url.searchParams.set("snooze_reminder", reminder.id);
        url.searchParams.set("snooze", snooze);
        return self.clients.openWindow(url.pathname + url.search);
      }
      const target = new URL(data.url || "/", self.location.origin);
      if (client) {
        await client.focus();
        return "navigate" in client ? client.navigate(target.href).catch(() => undefined) : undefined;
      }
      return self.clients.openWindow(target.pathname + target.search);
    })(),
  );
});
