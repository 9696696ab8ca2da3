/**
 * /api is never answered by the service worker (sync.md D4). Sync data must come from the server or
 * not at all: a cached pull would replay an old checkpoint, a cached push answer would tell the device
 * its writes were stored when they were not, and a cached stream would hide that the device is offline.
 *
 * So /api requests are not routed at all rather than routed to NetworkOnly: the browser then handles
 * them itself, exactly as without a service worker, which also keeps the long-lived sync stream
 * (server-sent events) out of the worker, where browsers may cut long fetch events.
 * This listener is installed first and stops the other fetch listeners (Workbox's router) from
 * seeing /api requests, so a broad rule added later cannot catch them by accident.
 */
declare const self: ServiceWorkerGlobalScope;

/** Same-origin paths that belong to the sync server. `/api` alone too, so no prefix slips through. */
export const API_PATH = /^\/api(\/|$)/;

export function isApiRequest(url: URL, origin: string): boolean {
  return url.origin === origin && API_PATH.test(url.pathname);
}

export function installApiGuard(): void {
  self.addEventListener('fetch', (event) => {
    if (!isApiRequest(new URL(event.request.url), self.location.origin)) return;
    // No respondWith: the request goes to the network as if there were no worker, and fails offline.
    event.stopImmediatePropagation();
  });
}
