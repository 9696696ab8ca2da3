/**
 * The app shell is precached at install: index.html, every JS chunk (lazy routes included), CSS, the
 * web manifest and the icons. The list, with a revision per file, is the build's self.__WB_MANIFEST
 * (handed over by sw/sw.ts), so after one online visit the whole app starts with no network.
 */
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';

export function installPrecache(manifest: readonly (PrecacheEntry | string)[]): void {
  // Serve precached files cache-first: their URLs are content-hashed or revisioned, so the cached copy
  // is exactly the file this version of the app expects. A precached file never goes stale: a new
  // build changes its hash or revision, which makes a new worker that fetches it at install.
  precacheAndRoute([...manifest]);
  // Remove caches left by older Workbox precache formats, which would otherwise eat the storage quota
  // that unsynced records need on small tablets.
  cleanupOutdatedCaches();
}
