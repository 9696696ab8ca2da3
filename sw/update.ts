/**
 * How a new version takes over (sync.md D4: an update is applied only when the user agrees).
 *
 * - No skipWaiting() at install: a new worker waits until the page sends {type: 'SKIP_WAITING'}, which
 *   src/app/pwa sends only after the user pressed "Update now" with no half-filled form and no unsynced
 *   records. Taking over on its own would swap the app under someone's typing.
 * - clients.claim() at activate: on the very first visit the page loaded without a worker; claiming it
 *   means that first page is controlled at once, so it works offline after one load. On later updates
 *   the page asked for the switch and reloads on `controllerchange`.
 * - clients.claim() again when a page sends {type: 'CLAIM'}. claim() at activate skips a page that is
 *   still loading, and a page that asked for its document before any worker was active is never
 *   controlled by itself. Signing in reloads the page, so on a first visit that reload can race the
 *   end of the install (seen in CI). src/app/pwa asks once a worker is active and the page has none.
 */
declare const self: ServiceWorkerGlobalScope;

/** The message the page posts to the waiting worker; keep in step with src/app/pwa/register.ts. */
export const SKIP_WAITING_MESSAGE = 'SKIP_WAITING';
/** The message a page without a controller posts to the active worker; keep in step likewise. */
export const CLAIM_MESSAGE = 'CLAIM';

function isMessage(data: unknown, type: string): boolean {
  return typeof data === 'object' && data !== null && 'type' in data && data.type === type;
}

export function installUpdateHandling(): void {
  self.addEventListener('message', (event) => {
    if (isMessage(event.data, SKIP_WAITING_MESSAGE)) event.waitUntil(self.skipWaiting());
    else if (isMessage(event.data, CLAIM_MESSAGE)) event.waitUntil(self.clients.claim());
  });
  self.addEventListener('activate', (event) => {
    event.waitUntil(self.clients.claim());
  });
}
