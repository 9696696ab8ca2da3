/**
 * Headless Chromium for browser suites. Launching is the shared test harness's job
 * (tests/support/browser.ts: the system /usr/bin/chromium, never a download; the container flags;
 * a fresh profile directory per launch so no cache, IndexedDB or service worker leaks between
 * runs). This file adds what benchmarks need on top: a page, its DevTools session, and CPU
 * throttling to stand in for an old tablet.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchBrowser } from '../../support/browser';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

/**
 * The slowdown browser suites report beside unthrottled figures. 4x on a current server core is
 * roughly a 2020 mid-range Android tablet, the kind charities are donated (product.md quality bar).
 */
export const TABLET_THROTTLE = 4;

export interface BenchBrowser {
  context: BrowserContext;
  page: Page;
  /** DevTools session attached to `page`. */
  cdp: CDPSession;
  /** e.g. `HeadlessChrome/156.0.8078.108`. */
  product: string;
  /** Set the CPU slowdown of `page` (1 = none). Applies until changed, across navigations. */
  throttle(rate: number): Promise<void>;
  /** Close the browser and delete its profile. */
  close(): Promise<void>;
}

export interface BenchLaunchOptions {
  /** CPU slowdown for the page from the start, default 1 (none). */
  cpuThrottle?: number;
  /** Extra Chromium flags. */
  args?: readonly string[];
}

export async function launchChromium(options: BenchLaunchOptions = {}): Promise<BenchBrowser> {
  const launched = await launchBrowser(options.args ? { args: options.args } : {});
  try {
    const { context } = launched;
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    const { product } = await cdp.send('Browser.getVersion');
    const throttle = async (rate: number): Promise<void> => {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    };
    if (options.cpuThrottle !== undefined && options.cpuThrottle !== 1) await throttle(options.cpuThrottle);
    return { context, page, cdp, product, throttle, close: () => launched.close() };
  } catch (e) {
    await launched.close();
    throw e;
  }
}

/** The installed Chromium's version without starting a browser, for the machine table. */
export async function chromiumVersion(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(CHROMIUM_PATH, ['--version'], { timeout: 10_000 });
    return /\d+\.\d+\.\d+\.\d+/.exec(stdout)?.[0] ?? stdout.trim();
  } catch {
    return 'not found';
  }
}
