/**
 * Network switches for browser tests. context.setOffline makes every page of the context (and, in
 * Chromium, its service worker) see no network, the way a tablet loses signal; requests fail as they
 * would on a device, rather than being mocked.
 *
 * A tablet only works offline once the service worker has installed (precached the app) and controls
 * the page, so goOffline first waits for that on every open page of the app. Without the wait, a slow
 * machine could cut the network mid-install and a test's next navigation would meet the browser's
 * offline error page (seen in CI on held-author.test.ts) rather than the app.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** Generous: a first visit installs the worker and precaches the whole app (~1 MB) before claiming. */
const CONTROL_TIMEOUT_MS = 30_000;

/** Waits until our service worker controls the page; returns its script URL. */
export async function waitForServiceWorkerControl(page: Page): Promise<string> {
  try {
    const handle = await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL ?? false, undefined, {
      timeout: CONTROL_TIMEOUT_MS,
    });
    return String(await handle.jsonValue());
  } catch (e) {
    throw new Error(`${page.url()} is not controlled by the service worker: ${await workerState(page)}`, { cause: e });
  }
}

/** The registration's workers and their states, for a failure message. */
function workerState(page: Page): Promise<string> {
  return page
    .evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      if (!r) return 'no registration';
      const s = (w: ServiceWorker | null) => w?.state ?? 'none';
      return `installing ${s(r.installing)}, waiting ${s(r.waiting)}, active ${s(r.active)}`;
    })
    .catch((e: unknown) => `state unreadable (${String(e)})`);
}

export async function goOffline(context: BrowserContext): Promise<void> {
  const appPages = context.pages().filter((p) => /^https?:/.test(p.url()));
  await Promise.all(appPages.map((p) => waitForServiceWorkerControl(p)));
  await context.setOffline(true);
}

export async function goOnline(context: BrowserContext): Promise<void> {
  await context.setOffline(false);
}
