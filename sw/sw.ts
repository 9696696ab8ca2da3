/**
 * Resonance service worker: the composition root. Each concern lives in its own file and says why
 * each rule exists; this file only decides the order they are installed in.
 *
 * Order matters: fetch listeners run in registration order, and the /api guard must run before
 * Workbox's router (registered by the first route) so no later rule can ever answer /api (sync.md D4).
 */
import { installApiGuard } from './api';
import { installPrecache } from './precache';
import { installNavigationFallback } from './navigation';
import { installUpdateHandling } from './update';

declare const self: ServiceWorkerGlobalScope;

installApiGuard();
// The build replaces self.__WB_MANIFEST with the list of files to precache. It must be written here, in
// the entry file: under `vite dev` the plugin replaces it only in sw/sw.ts (with [index.html]), and a
// reference left in another file is undefined there, which stops the worker from installing at all.
installPrecache(self.__WB_MANIFEST);
installNavigationFallback();
installUpdateHandling();
