/**
 * How a new version takes over (sync.md D4: an update is applied only when the user agrees).
 *
 * - No skipWaiting() at install: a new worker waits until the page sends {type: 'SKIP_WAITING'}, which
 *   src/app/pwa sends only after the user pressed "Update now" with no half-filled form and no unsynced
 *   records. Taking over on its own would swap the app under someone's typing.
 * - clients.claim() at activate: on the very first visit the page loaded without a worker; claiming it
 *   means that first page is controlled at once, so it works offline after one load. On later updates
 *   the page asked for the switch and reloads on `controllerchange`.
 */
declare const self: ServiceWorkerGlobalScope;

/** The message the page posts to the waiting worker; keep in step with src/app/pwa/register.ts. */
export const SKIP_WAITING_MESSAGE = 'SKIP_WAITING';

function isSkipWaiting(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'type' in data && data.type === SKIP_WAITING_MESSAGE;
}

export function installUpdateHandling(): void {
  self.addEventListener('message', (event) => {
    if (isSkipWaiting(event.data)) event.waitUntil(self.skipWaiting());
  });
  self.addEventListener('activate', (event) => {
    event.waitUntil(self.clients.claim());
  });
}
