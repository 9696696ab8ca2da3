/**
 * Registers the service worker (sw/sw.ts) and tracks app updates for the prompt (sync.md D4).
 *
 * The page, not the worker, decides when a new version takes over: a new worker waits after install
 * (sw/update.ts never calls skipWaiting by itself), this module marks the update 'ready', and only
 * applyUpdate(), called when the user pressed "Update now" with nothing at risk, asks it to take over
 * and reloads once it has. Nothing here reloads the page on its own.
 *
 * Traps:
 * - The first visit's page is claimed by the new worker (clients.claim), which fires controllerchange;
 *   that is not an update and must not reload or prompt.
 * - A page loaded while the first install finished (signing in reloads) can miss the worker's claim and
 *   stay uncontrolled, so not work offline; it asks the active worker to claim it (claimWhenActive).
 * - Another window may apply the update: this page then runs old code under the new worker. We show
 *   the prompt again ('updated-elsewhere') instead of reloading under the user's hands.
 */
import { getUpdatePhase, setUpdatePhase } from './update-store';

/** Keep in step with SKIP_WAITING_MESSAGE in sw/update.ts (sw/ and src/ do not import each other). */
const SKIP_WAITING = { type: 'SKIP_WAITING' } as const;
/** Keep in step with CLAIM_MESSAGE in sw/update.ts. */
const CLAIM = { type: 'CLAIM' } as const;

/**
 * How often a long-open app asks the server for a new worker. Browsers check by themselves only on
 * navigations, and a tablet left on the visit screen all day makes none; 30 minutes gets fixes out the
 * same working day for the price of one small conditional request for sw.js.
 */
export const UPDATE_CHECK_INTERVAL_MS = 30 * 60 * 1000;

/**
 * Minimum gap between checks triggered by the app becoming visible or coming back online: a worker
 * flipping between apps should not send a request every time, and a minute is still "at once" to a person.
 */
export const MIN_CHECK_GAP_MS = 60 * 1000;

let waitingWorker: ServiceWorker | null = null;
let reloadRequested = false;
let registered: ServiceWorkerRegistration | null = null;

function markReady(worker: ServiceWorker): void {
  waitingWorker = worker;
  // A second new version found while the user is looking at the prompt replaces the first one; the
  // prompt stays as it is. Once applying, keep applying (the new waiting worker gets the message below).
  if (getUpdatePhase() === 'applying') worker.postMessage(SKIP_WAITING);
  else setUpdatePhase('ready');
}

/**
 * A first install fails as a whole when any file of the app fails to download (a dropped connection
 * mid-install, a server restarting). The browser then tries again only at the next page load, and a
 * tablet left on one screen would stay unable to work offline. The page tries again after these
 * delays (the last repeats), and at once when the connection comes back.
 */
export const INSTALL_RETRY_DELAYS_MS = [5_000, 30_000, 120_000] as const;

let failedInstalls = 0;
/** `updatefound` and `registration.installing` can both hand over the same worker. */
const watched = new WeakSet<ServiceWorker>();

/** Watches a worker being installed and reports it once it waits; retries a first install that failed. */
function watchInstalling(registration: ServiceWorkerRegistration): void {
  const installing = registration.installing;
  if (!installing || watched.has(installing)) return;
  watched.add(installing);
  installing.addEventListener('statechange', () => {
    // With no active worker this is the first install: it activates at once and claims the page, so
    // there is nothing to apply. With one, the new worker waits for the user.
    if (installing.state === 'installed' && registration.active) markReady(installing);
    if (installing.state === 'activated') failedInstalls = 0;
    if (installing.state === 'redundant' && !registration.active && !registration.waiting) retryFirstInstall();
  });
}

function retryFirstInstall(): void {
  const delay = INSTALL_RETRY_DELAYS_MS[Math.min(failedInstalls, INSTALL_RETRY_DELAYS_MS.length - 1)];
  failedInstalls += 1;
  let done = false;
  const again = (): void => {
    // Offline the attempt cannot succeed: the `online` listener tries when it can.
    if (done || !navigator.onLine) return;
    done = true;
    clearTimeout(timer);
    window.removeEventListener('online', again);
    void register();
  };
  const timer = setTimeout(again, delay);
  window.addEventListener('online', again);
}

function scheduleUpdateChecks(registration: ServiceWorkerRegistration): void {
  let lastCheck = Date.now();
  const check = (force: boolean): void => {
    // Offline the check cannot succeed; skip it rather than log a failure every 30 minutes.
    if (!navigator.onLine) return;
    if (!force && Date.now() - lastCheck < MIN_CHECK_GAP_MS) return;
    lastCheck = Date.now();
    registration.update().catch(() => {
      // A failed check (server restarting, captive portal) changes nothing; the next one retries.
    });
  };
  setInterval(() => {
    if (document.visibilityState === 'visible') check(true);
  }, UPDATE_CHECK_INTERVAL_MS);
  // Coming back to the app (tablet woken, tab switched) is when a person would notice a fix.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check(false);
  });
  window.addEventListener('online', () => check(false));
}

function watchControllerChanges(): void {
  let controller = navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    const previous = controller;
    controller = navigator.serviceWorker.controller;
    // First visit: the worker claimed a page that had none. Not an update.
    if (previous === null) return;
    if (reloadRequested) {
      // Reload once, even if controllerchange fires again while the page unloads.
      reloadRequested = false;
      window.location.reload();
      return;
    }
    waitingWorker = null;
    setUpdatePhase('updated-elsewhere');
  });
}

/** Where the worker is served and how: Vite serves it unbundled as a module in dev. */
function workerScript(): { url: string; type: WorkerType } {
  const base = import.meta.env.BASE_URL;
  return import.meta.env.DEV
    ? { url: `${base}dev-sw.js?dev-sw`, type: 'module' }
    : // The build emits one self-contained classic script (rollupFormat 'iife' in vite.config.ts).
      { url: `${base}sw.js`, type: 'classic' };
}

/**
 * Registers the worker and starts watching for updates. Call once from src/app/main.tsx, without
 * awaiting (`void registerServiceWorker()`): the app never waits for it. Never rejects; resolves to
 * null where service workers are unavailable (insecure context, private modes, old browsers).
 */
export async function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return null;
  watchControllerChanges();
  void claimWhenActive();
  return register();
}

/** Once a worker is active, a page it does not control asks to be claimed (see the traps above). */
async function claimWhenActive(): Promise<void> {
  const registration = await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) registration.active?.postMessage(CLAIM);
}

/** Registers (again, after a failed first install) and watches the registration. */
async function register(): Promise<ServiceWorkerRegistration | null> {
  const { url, type } = workerScript();
  try {
    const registration = await navigator.serviceWorker.register(url, { scope: import.meta.env.BASE_URL, type });
    if (registration === registered) return registration;
    // An update found in an earlier visit and never applied is still waiting.
    if (registration.waiting && registration.active) markReady(registration.waiting);
    if (registration.installing) watchInstalling(registration);
    registration.addEventListener('updatefound', () => watchInstalling(registration));
    scheduleUpdateChecks(registration);
    registered = registration;
    return registration;
  } catch (error) {
    // The app works online without a worker; the sync status shows the rest. Log for whoever debugs.
    console.warn('Resonance: service worker registration failed; offline use is unavailable.', error);
    // A TypeError is a failed download of the worker's script: worth trying again, like a failed install.
    if (error instanceof TypeError && !registered?.active) retryFirstInstall();
    return null;
  }
}

/**
 * Applies the waiting update: asks the waiting worker to take over and reloads once it controls the
 * page. Call only when the user asked and nothing is at risk (the prompt checks). Returns false when
 * there is nothing to apply.
 */
export function applyUpdate(): boolean {
  const phase = getUpdatePhase();
  if (phase === 'updated-elsewhere') {
    // The new worker already controls this page; only the page itself is old.
    window.location.reload();
    return true;
  }
  if (phase !== 'ready' || !waitingWorker) return false;
  reloadRequested = true;
  setUpdatePhase('applying');
  waitingWorker.postMessage(SKIP_WAITING);
  return true;
}

/**
 * Checks for a new version now, without waiting for the 30-minute timer. For the sync layer's
 * "update required" answer (HTTP 426, an old schema version): the fix is usually already on the server,
 * and the prompt then appears within seconds. Resolves when the check is done; never rejects.
 */
export async function checkForUpdateNow(): Promise<void> {
  if (!registered || !navigator.onLine) return;
  try {
    await registered.update();
  } catch {
    // Same as the timer: a failed check changes nothing and the next one retries.
  }
}
