/**
 * Headless Chromium for browser tests and benchmarks: the system Chromium (/usr/bin/chromium; we never
 * download a browser), a fresh temporary profile per launch so no service worker, cache or IndexedDB
 * leaks between tests, and the flags headless Chromium needs when run as root in a container.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  // Root in a container has no user namespace for the sandbox.
  '--no-sandbox',
  // No GPU here; software rendering avoids GPU-process crash loops.
  '--disable-gpu',
  // QUIC probing to the test server on localhost only adds noise.
  '--disable-quic',
  // No first-run UI, no background fetches of component updates, sync or field trials: the test
  // machine has no internet and such requests would only slow startup and fail.
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export interface LaunchOptions {
  /** Extra Chromium flags (for example CPU-heavy benchmarks that want --enable-precise-memory-info). */
  args?: readonly string[];
  /** Viewport; defaults to a 10-inch tablet in landscape, the devices Resonance is used on. */
  viewport?: { width: number; height: number };
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Closes the browser and deletes its profile. Safe to call twice. */
  close(): Promise<void>;
}

/** Tablet landscape (1280x800 CSS px), the common size of the donated Android tablets. */
const TABLET_VIEWPORT = { width: 1280, height: 800 };

export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const profileDir = await mkdtemp(join(tmpdir(), 'resonance-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    viewport: options.viewport ?? TABLET_VIEWPORT,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    serviceWorkers: 'allow',
  });
  let closed = false;
  return {
    context,
    async close() {
      if (closed) return;
      closed = true;
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}
