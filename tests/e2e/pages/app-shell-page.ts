/**
 * Page model for the app shell as a service-worker test sees it: is this our app (not the browser's
 * offline error page), is the page controlled by our worker, and a way to ask for an update check.
 */
import type { Page } from 'playwright-core';
import { waitForServiceWorkerControl } from '../../support/network';

/** Generous: the first visit installs the worker and precaches the whole app (~1 MB) before claiming. */
const CONTROL_TIMEOUT_MS = 30_000;
/** Rendering is local (precache + IndexedDB); this only absorbs a slow CI machine. */
const RENDER_TIMEOUT_MS = 15_000;

export class AppShellPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens a path of the app; throws (like a person seeing an error page) if the browser cannot. */
  async open(path = '/'): Promise<void> {
    await this.page.goto(`${this.baseUrl}${path}`, { waitUntil: 'load' });
  }

  /**
   * The app, not an error page, is on screen: the document is our built index.html (it links our web
   * manifest) and the app has rendered at least one heading (every screen has one, for screen readers).
   */
  async expectAppRendered(): Promise<void> {
    const isOurDocument = await this.page.evaluate(
      () => document.querySelector('link[rel="manifest"][href$="manifest.webmanifest"]') !== null,
    );
    if (!isOurDocument) throw new Error(`${this.page.url()} is not the Resonance app shell`);
    await this.page.getByRole('heading').first().waitFor({ state: 'visible', timeout: RENDER_TIMEOUT_MS });
  }

  /** Waits until our service worker controls this page (after install + clients.claim on a first visit). */
  async waitForServiceWorkerControl(): Promise<string> {
    return waitForServiceWorkerControl(this.page);
  }

  async controllerScriptUrl(): Promise<string | null> {
    return this.page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
  }

  /** Asks the browser to check for a new worker now, as the app does every 30 minutes. */
  async checkForUpdate(): Promise<void> {
    await this.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      if (!registration) throw new Error('no service worker registration');
      await registration.update();
    });
  }

  /** Resolves once a new worker has installed and is waiting to take over. */
  async waitForWaitingWorker(): Promise<void> {
    await this.page.waitForFunction(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting != null,
      undefined,
      { timeout: CONTROL_TIMEOUT_MS, polling: 100 },
    );
  }

  async hasWaitingWorker(): Promise<boolean> {
    return this.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null);
  }

  /**
   * Fetches a same-origin URL from the page. Returns the status, or 'network-error' when the fetch
   * rejects (offline, server down) — what an /api request must do offline (sync.md D4).
   */
  async fetchStatus(path: string): Promise<number | 'network-error'> {
    return this.page.evaluate(async (url) => {
      try {
        const response = await fetch(url, { cache: 'no-store' });
        return response.status;
      } catch {
        return 'network-error' as const;
      }
    }, path);
  }

  /**
   * Leaves a mark on the current document; it disappears if the page reloads. Lets a test prove the
   * app did not reload by itself.
   */
  async markDocument(): Promise<void> {
    await this.page.evaluate(() => document.documentElement.setAttribute('data-test-mark', 'still-here'));
  }

  async isMarkedDocument(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.getAttribute('data-test-mark') === 'still-here');
  }
}
