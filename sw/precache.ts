/**
 * The app shell is precached at install: index.html, every JS chunk (lazy routes included), CSS, the
 * web manifest and the icons. self.__WB_MANIFEST is replaced at build time by vite-plugin-pwa with that
 * list and a revision per file, so after one online visit the whole app starts with no network.
 */
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';

declare const self: ServiceWorkerGlobalScope;

export function installPrecache(): void {
  // Serve precached files cache-first: their URLs are content-hashed or revisioned, so the cached copy
  // is exactly the file this version of the app expects. A precached file never goes stale: a new
  // build changes its hash or revision, which makes a new worker that fetches it at install.
  precacheAndRoute(self.__WB_MANIFEST);
  // Remove caches left by older Workbox precache formats, which would otherwise eat the storage quota
  // that unsynced records need on small tablets.
  cleanupOutdatedCaches();
}
