/**
 * Network switches for browser tests. context.setOffline makes every page of the context (and, in
 * Chromium, its service worker) see no network, the way a tablet loses signal; requests fail as they
 * would on a device, rather than being mocked.
 */
import type { BrowserContext } from 'playwright-core';

export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
}

export async function goOnline(context: BrowserContext): Promise<void> {
  await context.setOffline(false);
}
