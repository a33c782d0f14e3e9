/**
 * The app's service worker: keeps the app's own files (the list is written by the build) so that
 * it opens and works without a network after the first visit. Network first, so a new version is
 * used as soon as it is served; the kept copy only when the network fails. It never sees the
 * user's data: files are read in the page, nothing is fetched with them.
 *
 * @module
 */
declare const __ASSETS__: string[];
declare const __VERSION__: string;

interface InstallEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEventLike extends InstallEvent {
  readonly request: Request;
  respondWith(r: Promise<Response>): void;
}
const sw = self as unknown as { skipWaiting(): Promise<void>; clients: { claim(): Promise<void> }; addEventListener(type: string, f: (e: never) => void): void };

const CACHE = `dti-app-${__VERSION__}`;

sw.addEventListener("install", (e: InstallEvent) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(__ASSETS__)).then(() => sw.skipWaiting()));
});

sw.addEventListener("activate", (e: InstallEvent) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("dti-app-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener("fetch", (e: FetchEventLike) => {
  if (e.request.method !== "GET" || new URL(e.request.url).origin !== location.origin) return;
  e.respondWith(
    fetch(e.request).catch(async () => {
      const kept = await caches.match(e.request, { ignoreSearch: true, cacheName: CACHE });
      if (kept !== undefined) return kept;
      throw new Error("offline and not kept");
    }),
  );
});
