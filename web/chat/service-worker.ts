/**
 * The web chat's service worker (built to /chat/sw.js, scope /chat): it keeps the chat's shell —
 * the page, its script and styles, the icons and the manifest — so that /chat opens with the
 * internet down; the page then keeps the voter's messages on the phone (offline-outbox.ts).
 * Nothing else is cached: the API (/webchat/api) always goes to the network, so a reply is never
 * stale and nobody's conversation is kept here. The dashboard and console are outside its scope.
 *
 * The build (web/chat/chat-pwa.vite.ts) writes the shell's file names, fingerprinted, where
 * `__CHAT_SHELL__` stands: a new release is a new worker, which caches its own shell and drops
 * the old one.
 */

/** What this worker uses of ServiceWorkerGlobalScope (the DOM typings the pages share lack it). */
interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}

const worker = self as unknown as WorkerScope;
const SHELL = JSON.parse('__CHAT_SHELL__') as string[];
const CACHE = `dauys-chat-shell-${JSON.parse('"__CHAT_SHELL_VERSION__"') as string}`;
/** The page (/chat/ redirects to it, from the network). */
const PAGE = '/chat';
/** How long the page waits for a slow network before it opens from the cache (2021: throttled). */
const NETWORK_PATIENCE_MS = 4000;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('dauys-chat-shell-') && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
  if (request.mode === 'navigate' && url.pathname === PAGE) {
    event.respondWith(pageFirstFromNetwork(request));
    return;
  }
  if (SHELL.includes(url.pathname)) event.respondWith(cachedFirst(request));
});

/**
 * The page from the network when it answers soon (a release is seen at once), else the cached
 * one. Its scripts are fingerprinted and cached first, so a cached page and its scripts match.
 */
async function pageFirstFromNetwork(request: Request): Promise<Response> {
  const cached = await caches.match(PAGE, { cacheName: CACHE });
  const network = fetch(request).then((response) => (response.ok ? response : undefined));
  const fallback = network.catch(() => undefined);
  if (!cached) return (await fallback) ?? Response.error();
  const patience = new Promise<undefined>((resolve) => setTimeout(resolve, NETWORK_PATIENCE_MS));
  return (await Promise.race([fallback, patience])) ?? cached;
}

async function cachedFirst(request: Request): Promise<Response> {
  return (await caches.match(request, { cacheName: CACHE, ignoreSearch: true })) ?? fetch(request);
}
