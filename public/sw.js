// Rounds service worker: keeps the field pages and the app's static files on the phone so that a
// reload with no network reopens Today and the visit form. Data (drafts, the queue of finished
// visits, pre-fill) lives in IndexedDB, written by the pages themselves; API calls are never cached.
const VERSION = 'rounds-v2';
const PAGES = `${VERSION}-pages`;
const ASSETS = `${VERSION}-assets`;
const FIELD_PAGES = ['/today', '/visit'];
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (!key.startsWith(VERSION)) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

// The Today page asks for the field pages to be stored while the network is up.
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'warm') return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(PAGES);
      for (const path of FIELD_PAGES) {
        try {
          const res = await fetch(path, { credentials: 'same-origin' });
          if (res.ok && !res.redirected) {
            await cache.put(path, res.clone());
            await cacheAssetsOf(res);
          }
        } catch {
          /* offline: keep what we have */
        }
      }
      event.source?.postMessage({ type: 'warmed' });
    })(),
  );
});

// the scripts and styles a page needs, so the cached page can start without the network
async function cacheAssetsOf(response) {
  const html = await response.text();
  const urls = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((m) => m[1]);
  const cache = await caches.open(ASSETS);
  await Promise.all(
    urls.map(async (url) => {
      if (await cache.match(url)) return;
      try {
        const res = await fetch(url);
        if (res.ok) await cache.put(url, res);
      } catch {
        /* ignore */
      }
    }),
  );
}

function isFieldPage(url) {
  return FIELD_PAGES.some((p) => url.pathname === p);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (url.pathname.startsWith('/_next/static/')) {
    event.respondWith(
      (async () => {
        const cache = await caches.open(ASSETS);
        const hit = await cache.match(request);
        if (hit) return hit;
        const res = await fetch(request);
        if (res.ok) cache.put(request, res.clone());
        return res;
      })(),
    );
    return;
  }

  if (request.mode === 'navigate' && isFieldPage(url)) {
    event.respondWith(networkFirstPage(request, url));
  }
});

async function networkFirstPage(request, url) {
  const cache = await caches.open(PAGES);
  try {
    const res = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), NETWORK_TIMEOUT_MS)),
    ]);
    if (res.ok && !res.redirected) cache.put(url.pathname + url.search, res.clone());
    return res;
  } catch {
    // this very page if it was stored, else the bare shell (it reads the shop from the address bar)
    const hit = (await cache.match(url.pathname + url.search)) ?? (await cache.match(url.pathname));
    if (hit) return hit;
    return new Response('<!doctype html><meta charset="utf-8"><title>离线</title><p style="font:16px sans-serif;padding:24px">网络未连接，且本机还没有保存此页面。请联网后打开一次“今日拜访”。</p>', {
      status: 503,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
  }
}
