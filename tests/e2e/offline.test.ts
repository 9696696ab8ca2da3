/**
 * The installed app shell works with no network, and updates wait for the user (sync.md D4).
 * Runs against the production build (`npm run test:browser` builds first) in real headless Chromium:
 * the service worker registered by src/app/pwa, precache and navigation rules from sw/.
 *
 * - Shell: after one online visit the page is controlled (clients.claim), and a reload, a new tab, a
 *   deep link and a cold start with the server stopped all render the app from the precache.
 * - /api: never answered from cache; offline it fails like any network request.
 * - Casework: a client and a visit recorded offline are still there after a reload and in a new tab.
 * - Update: a second build is detected and announced, the page never reloads by itself, a half-filled
 *   form holds the update, and "Update now" reloads into the new version.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  copyDist,
  goOffline,
  goOnline,
  launchBrowser,
  runAxe,
  startTestServer,
  type LaunchedBrowser,
  type TestServer,
} from '../support';
import { AppShellPage } from './pages/app-shell-page';
import { UpdatePromptModel } from './pages/update-prompt';
import { RegisterClientPage } from './pages/half-filled-form';
import { ClientRecordPage } from './pages/casework';

describe('offline app shell', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  afterEach(async () => {
    await goOnline(browser.context);
  });

  it('first online visit is controlled by the service worker without a reload (clients.claim)', async () => {
    const shell = new AppShellPage(await browser.context.newPage(), server.url);
    await shell.open('/');
    await shell.expectAppRendered();
    await shell.markDocument();
    const scriptUrl = await shell.waitForServiceWorkerControl();
    expect(scriptUrl).toBe(`${server.url}/sw.js`);
    expect(await shell.isMarkedDocument(), 'the first visit must not reload to get control').toBe(true);
    await shell.page.close();
  });

  it('[D4] reloads, opens new tabs and deep links offline from the precache', async () => {
    const shell = new AppShellPage(await browser.context.newPage(), server.url);
    await shell.open('/');
    await shell.waitForServiceWorkerControl();

    await goOffline(browser.context);
    await shell.page.reload({ waitUntil: 'load' });
    await shell.expectAppRendered();

    // A brand-new page in the same browser: a cold start of the app from the home screen.
    const fresh = new AppShellPage(await browser.context.newPage(), server.url);
    await fresh.open('/');
    await fresh.expectAppRendered();

    // Deep links to client-side routes get the app, not the browser's offline page.
    for (const path of ['/tasks', '/clients/some-client-id', '/clients/some-client-id/visits/new?from=test']) {
      await fresh.open(path);
      await fresh.expectAppRendered();
      expect(new URL(fresh.page.url()).pathname).toBe(path.split('?')[0]);
    }
    await fresh.page.close();
    await shell.page.close();
  });

  it('[D4] never answers /api from cache: online it reaches the server, offline it fails', async () => {
    const shell = new AppShellPage(await browser.context.newPage(), server.url);
    await shell.open('/');
    await shell.waitForServiceWorkerControl();

    const online = await shell.fetchStatus('/api/health');
    expect(online, '/api/health must reach the server online').not.toBe('network-error');

    await goOffline(browser.context);
    expect(await shell.fetchStatus('/api/health')).toBe('network-error');
    expect(await shell.fetchStatus('/api/sync/v1/clients/0/pull?limit=1')).toBe('network-error');

    // A navigation to /api is not given the app shell either: the browser reports the failure.
    await expect(shell.page.goto(`${server.url}/api/health`)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await shell.page.close();
  });

  it('the shell passes axe (WCAG 2.2 AA) when opened offline', async () => {
    const shell = new AppShellPage(await browser.context.newPage(), server.url);
    await shell.open('/');
    await shell.waitForServiceWorkerControl();
    await goOffline(browser.context);
    await shell.page.reload({ waitUntil: 'load' });
    await shell.expectAppRendered();
    expect(await runAxe(shell.page)).toEqual([]);
    await shell.page.close();
  });
});

describe('cold start with the server gone', () => {
  it('starts the app from the precache when the server is not running at all', async () => {
    // Stronger than setOffline: nothing answers on the port, for the page and the worker alike.
    const server = await startTestServer();
    const browser = await launchBrowser();
    try {
      const first = new AppShellPage(await browser.context.newPage(), server.url);
      await first.open('/');
      await first.waitForServiceWorkerControl();
      await first.page.close();
      await server.close();

      const cold = new AppShellPage(await browser.context.newPage(), server.url);
      await cold.open('/tasks');
      await cold.expectAppRendered();
      expect(await cold.fetchStatus('/api/health')).toBe('network-error');
    } finally {
      await browser.close();
      await server.close().catch(() => undefined);
    }
  });
});

describe('a first install that fails', () => {
  it.each([
    // Only the worker's precache asks for /index.html (the page asks for /); one failed download fails
    // the whole first install, as a connection dropped mid-install would.
    { what: 'a precached file', path: '/index.html' },
    // The worker's own script: registering fails before any install starts.
    { what: "the worker's script", path: '/sw.js' },
  ])('on $what is tried again without a reload, so the page still comes under the worker and starts offline', async ({ path }) => {
    const server = await startTestServer({ staticOnly: true, failOnce: (url) => url.pathname === path });
    const browser = await launchBrowser();
    try {
      const shell = new AppShellPage(await browser.context.newPage(), server.url);
      await shell.open('/');
      await shell.expectAppRendered();
      await shell.markDocument();
      await shell.waitForServiceWorkerControl();
      expect(server.failed(), 'the first install met a failed download').toBe(1);
      expect(await shell.isMarkedDocument(), 'the page was not reloaded to get control').toBe(true);
      await goOffline(browser.context);
      await shell.page.reload({ waitUntil: 'load' });
      await shell.expectAppRendered();
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe('a page loaded while the first install runs', () => {
  // Seen in CI: signing in reloads the page. When the worker finished installing and claimed its pages
  // while that reload was still loading, the new page was not yet a client to claim, and it had asked
  // for its document before any worker was active, so nothing ever controlled it.
  it('still comes under the worker, without another reload', async () => {
    const installHeld = gate();
    const reloadHeld = gate();
    let pageLoads = 0;
    const server = await startTestServer({
      staticOnly: true,
      // The worker's precache asks for /index.html; the page's own loads ask for /.
      hold: (url) => (url.pathname === '/index.html' ? installHeld.wait() : url.pathname === '/' && ++pageLoads === 2 ? reloadHeld.wait() : null),
    });
    const browser = await launchBrowser();
    try {
      const shell = new AppShellPage(await browser.context.newPage(), server.url);
      await shell.open('/');
      await shell.expectAppRendered();
      await installHeld.reached;
      const reloaded = shell.page.reload({ waitUntil: 'load' });
      await reloadHeld.reached;
      installHeld.release();
      await expect.poll(() => activeWorkerState(browser), { timeout: 30_000 }).toBe('activated');
      reloadHeld.release();
      await reloaded;
      await shell.expectAppRendered();
      await shell.markDocument();
      await shell.waitForServiceWorkerControl();
      expect(await shell.isMarkedDocument(), 'the page was not reloaded to get control').toBe(true);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

/** A request the server holds: `reached` once it arrives, served after `release()`. */
function gate(): { wait(): Promise<void>; reached: Promise<void>; release(): void } {
  let arrived!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((r) => (arrived = r));
  const released = new Promise<void>((r) => (release = r));
  return {
    reached,
    release,
    wait() {
      arrived();
      return released;
    },
  };
}

/** The state of the registration's active worker, read inside the worker itself. */
async function activeWorkerState(browser: LaunchedBrowser): Promise<string> {
  const [worker] = browser.context.serviceWorkers();
  if (!worker) return 'no worker';
  return worker.evaluate(() => (self as unknown as { registration: ServiceWorkerRegistration }).registration.active?.state ?? 'none').catch(() => 'unreadable');
}

describe('[D4] casework recorded offline survives reloads', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('registers a client and records a visit offline; both are there after a reload and in a new tab', async () => {
    const page = await browser.context.newPage();
    const shell = new AppShellPage(page, server.url);
    const register = await RegisterClientPage.signInAndOpen(page, server.url);
    await shell.waitForServiceWorkerControl();

    await goOffline(browser.context);
    const name = 'Robin Offline-Casework';
    const notes = 'Met at the day centre; wants help with a housing form.';
    await register.fillPart(name);
    await register.save();
    const record = new ClientRecordPage(page);
    await record.waitForClient(name);
    await record.openCase();
    await record.recordVisit(notes);
    await record.waitForText(notes);
    // Offline, the banner confirming the save says when it will sync.
    const willSync = page.getByRole('main').getByText(/^Saved on this device\. It will sync when you are online\.$/);
    await willSync.waitFor({ state: 'visible' });
    const clientUrl = page.url();

    await page.reload({ waitUntil: 'load' });
    await record.waitForClient(name);
    await record.waitForText(notes);
    // The banner was for the way from the save, not for every later visit to the page.
    expect(await willSync.count()).toBe(0);

    const tab = await browser.context.newPage();
    await tab.goto(clientUrl, { waitUntil: 'load' });
    const again = new ClientRecordPage(tab);
    await again.waitForClient(name);
    await again.waitForText(notes);
    expect(await runAxe(tab)).toEqual([]);
  });
});

/**
 * Makes the served copy of the build look like the next release: index.html gains a marker and a new
 * precache revision in sw.js, so the browser finds a changed worker that precaches a changed page.
 */
async function publishNextVersion(distDir: string, label = 'next'): Promise<void> {
  const htmlPath = join(distDir, 'index.html');
  const swPath = join(distDir, 'sw.js');
  const html = await readFile(htmlPath, 'utf8');
  await writeFile(htmlPath, html.replace(/<meta name="resonance-test-build"[^>]*>/, '').replace('</head>', `<meta name="resonance-test-build" content="${label}"></head>`));
  const sw = await readFile(swPath, 'utf8');
  const next = sw.replace(/("revision":")([0-9a-z]+)(","url":"index\.html")/, `$1${label}$2$3`);
  if (next === sw) throw new Error('could not find the index.html precache entry in sw.js');
  await writeFile(swPath, next);
}

async function buildMarker(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector('meta[name="resonance-test-build"]')?.getAttribute('content') ?? null,
  );
}

describe('[D4] app update waits for the user', () => {
  let distCopy: string;
  let server: TestServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    // The server serves a private copy of the build, so the test can publish a "next version" into it.
    distCopy = await copyDist();
    server = await startTestServer({ distDir: distCopy });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
    await rm(distCopy, { recursive: true, force: true });
  });

  it('announces a new version, holds it for a half-filled form and unsynced records, and applies it on request', async () => {
    const page = await browser.context.newPage();
    const shell = new AppShellPage(page, server.url);
    const prompt = new UpdatePromptModel(page);
    const form = await RegisterClientPage.signInAndOpen(page, server.url);
    await shell.waitForServiceWorkerControl();
    expect(await buildMarker(page)).toBeNull();

    await publishNextVersion(distCopy);
    await shell.markDocument();
    await shell.checkForUpdate();
    await shell.waitForWaitingWorker();
    await prompt.waitUntilShown();
    expect(await shell.isMarkedDocument(), 'the page must not reload by itself').toBe(true);
    expect(await prompt.isHeld()).toBe(false);
    expect(await runAxe(page)).toEqual([]);

    // Half-filled form: the prompt explains, and pressing the button does nothing.
    await form.fillPart();
    await expect.poll(() => prompt.text()).toContain('Finish or save the form you are filling in first.');
    expect(await prompt.isHeld()).toBe(true);
    // A keyboard user can still reach the held button (aria-disabled, not disabled) and press it.
    await prompt.updateButton.focus();
    await page.keyboard.press('Enter');
    // Give a wrongly applied update time to reload the page before checking it did not.
    await page.waitForTimeout(1_000);
    expect(await shell.isMarkedDocument()).toBe(true);
    expect(await shell.hasWaitingWorker(), 'the new worker must still be waiting').toBe(true);
    expect(await form.nameValue()).toBe('Alex Half-Typed');

    // Saved offline: the form is done, but the record has not synced, so the update still waits.
    await goOffline(browser.context);
    await form.fillPart('Alex Saved-Offline');
    await form.save();
    await expect.poll(() => prompt.text()).toMatch(/Waiting until your \d+ unsynced records? ha(s|ve) synced\./);
    expect(await prompt.text()).not.toContain('Finish or save the form');
    expect(await prompt.isHeld()).toBe(true);

    // Back online, the record syncs and the update may go ahead.
    await goOnline(browser.context);
    await expect.poll(() => prompt.isHeld(), { timeout: 30_000 }).toBe(false);
    expect(await shell.isMarkedDocument()).toBe(true);

    const clientUrl = page.url();
    const reloaded = page.waitForEvent('load');
    await prompt.updateButton.click();
    await reloaded;
    await shell.expectAppRendered();
    expect(await buildMarker(page)).toBe('next');
    expect(await shell.hasWaitingWorker()).toBe(false);
    expect(page.url()).toBe(clientUrl);
    await page.getByRole('heading', { name: /Alex Saved-Offline/ }).waitFor({ state: 'visible' });
  });

  it('a window whose update was applied in another window says so and does not reload', async () => {
    const first = await browser.context.newPage();
    const second = await browser.context.newPage();
    const shells = [new AppShellPage(first, server.url), new AppShellPage(second, server.url)] as const;
    for (const shell of shells) {
      // Still signed in from the test above (same browser profile): the caseload opens.
      await shell.open('/');
      await shell.expectAppRendered();
      await shell.waitForServiceWorkerControl();
    }
    await publishNextVersion(distCopy, 'third');
    await shells[1].markDocument();
    await shells[0].checkForUpdate();
    const [firstPrompt, secondPrompt] = [new UpdatePromptModel(first), new UpdatePromptModel(second)];
    await firstPrompt.waitUntilShown();
    await secondPrompt.waitUntilShown();

    const reloaded = first.waitForEvent('load');
    await firstPrompt.updateButton.click();
    await reloaded;
    expect(await buildMarker(first)).toBe('third');

    await secondPrompt.updatedElsewhere.waitFor({ state: 'visible' });
    expect(await shells[1].isMarkedDocument(), 'the other window must not reload by itself').toBe(true);
    expect(await buildMarker(second)).toBe('next');
    const reloadedSecond = second.waitForEvent('load');
    await secondPrompt.reloadButton.click();
    await reloadedSecond;
    expect(await buildMarker(second)).toBe('third');
  });
});
