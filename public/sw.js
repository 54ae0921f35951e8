// Service worker: keeps every file of this build so a page loaded once works with the network
// off (workshops without Wi-Fi). The build (tools/build-hooks/post-build.mjs) fills in VERSION
// (a hash of all files) and ASSETS (every file); a new build gets a new cache and the old one
// is deleted on activation. Paths are relative to this file, so any subfolder works.
const VERSION = 'unbuilt';
const ASSETS = [];
const PREFIX = 'rag-or-tune-';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS.map((path) => new Request(path, { cache: 'no-cache' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page itself: the network when there is one (so a new build shows), else the copy.
    event.respondWith(
      fetch(request).catch(() =>
        caches.open(CACHE).then((cache) => cache.match('./').then((hit) => hit || Response.error())),
      ),
    );
    return;
  }
  // Assets are content-hashed or versioned with the cache: the copy first, then the network.
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)),
    ),
  );
});
