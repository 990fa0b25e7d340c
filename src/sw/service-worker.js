/*
 * The app's service worker (offline use). The build prepends `const SHELL = [...]` (every file of
 * the build but source maps and static-data/, relative to this script) and `const VERSION`; see
 * scripts/vite-service-worker.ts. Plain JavaScript on purpose: it is served as it is written.
 *
 * - The shell is cached whole at install, so after one visit the app opens and starts envs with no
 *   network: its hashed files never change, so they are served from the cache first.
 * - Pages (navigations) go to the network first, so a new version arrives when online, and fall
 *   back to the cached index.html offline.
 * - Env data under static-data/ is not touched: the env workers keep each file they fetch in Cache
 *   Storage under its data version (workers/data-source.ts), which works offline as it is.
 * - Other origins (LLM providers) are never intercepted.
 */
/* global SHELL, VERSION */
const CACHE = `agentgym-shell-${VERSION}`;
const scoped = (path) => new URL(path, self.registration.scope).href;
const INDEX = scoped('index.html');
const SHELL_URLS = new Set(SHELL.map(scoped));

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([...SHELL_URLS]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('agentgym-shell-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(async () => (await caches.match(INDEX, { cacheName: CACHE })) ?? Response.error()));
    return;
  }
  url.hash = '';
  url.search = '';
  if (!SHELL_URLS.has(url.href)) return;
  event.respondWith((async () => (await caches.match(url.href, { cacheName: CACHE })) ?? fetch(request))());
});
