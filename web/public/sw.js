/*
 * Tickler's service worker: keeps the app shell (index.html, the built JS/CSS,
 * icons) so the app opens and shows its offline state without the server.
 *
 * It never caches API answers or anything else per user: /api, /mcp and
 * /.well-known go straight to the network, so after sign-out (or another user
 * signing in on this browser) nothing of the previous user is served from here.
 * The shell is the same for everyone. Web Push will add its handlers to this file.
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
