/**
 * Shared-tablet security in real Chromium against the built app and the real sync server (issue 4,
 * sync.md A4): offline PIN unlock after one online sign-in; lockout after five wrong PINs, and an online
 * sign-in recovering it; two people on one tablet never seeing each other's records; quick exit; idle
 * lock (driven by a fake clock, not by waiting minutes); a browser closed while unlocked needing the PIN
 * once the grant's lease has run out; and the revocation wipe. axe on the PIN and
 * "who is using this tablet" screens. The tests share one tablet (browser profile) and run in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_SIGN_INS, DEMO_PASSWORD } from '#shared/demo/index';
import { revokeDevice } from '../../sync-server/admin/ops';
import { setIdleLockMinutes } from '../../sync-server/admin/settings';
import { openStore } from '../../sync-server/storage/open';
import { goOffline, goOnline, launchBrowser, runAxe, signInAs, startTestServer, type LaunchedBrowser, type TestServer } from '../support';
import { choosePin, signedInBadge, TEST_PIN, unlockWithPin } from '../support/sign-in';
import { CaseloadPage } from './pages/caseload-page';
import { ClientPageModel, RegisterClientForm } from './pages/register-client-form';

const SAM = DEMO_SIGN_INS.worker;
const GRACE = { email: 'grace@riverside.example', password: DEMO_PASSWORD };
const WAIT_MS = 30_000;

function pinScreen(page: Page) {
  return page.getByRole('heading', { level: 1, name: /Enter your PIN to unlock/ });
}

function whoIsUsing(page: Page) {
  return page.getByRole('heading', { level: 1, name: 'Who is using this tablet?' });
}

async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await pinScreen(page).waitFor({ timeout: WAIT_MS });
}

async function switchToList(page: Page): Promise<void> {
  await lock(page);
  await page.getByRole('button', { name: 'Switch user', exact: true }).click();
  await whoIsUsing(page).waitFor({ timeout: WAIT_MS });
}

async function localStorageDump(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
}

describe('shared-tablet security', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let samClientPath = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('unlocks offline with a PIN after one online sign-in; storage holds neither the PIN nor the token', async () => {
    // Read as soon as it arrives: the page reloads into the app after the PIN is chosen.
    const login = page.waitForResponse((r) => r.url().endsWith('/api/auth/login')).then((r) => r.json() as Promise<{ token: string; deviceKeySecret: string }>);
    await signInAs(page, SAM.email, SAM.password);
    const { token, deviceKeySecret } = await login;
    await new CaseloadPage(page).waitForClients();
    const stored = await localStorageDump(page);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(deviceKeySecret);
    expect(stored).not.toContain(TEST_PIN);

    await lock(page);
    expect(await runAxe(page)).toEqual([]);
    await goOffline(browser.context);
    try {
      await page.reload({ waitUntil: 'load' });
      await pinScreen(page).waitFor({ timeout: WAIT_MS });
      // A wrong PIN says how many tries are left; the right one opens Sam's records, offline.
      await page.getByLabel('PIN', { exact: true }).fill('111222');
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
      await page.getByText('That PIN is not right. You have 4 tries left').first().waitFor({ timeout: WAIT_MS });
      await unlockWithPin(page);
      await new CaseloadPage(page).waitForClients();
      expect(await signedInBadge(page).textContent()).toContain('Sam Whitfield');
    } finally {
      await goOnline(browser.context);
    }
  });

  it('two people on one tablet: switching user never shows the previous person’s records', async () => {
    const form = new RegisterClientForm(page);
    await page.goto(`${server.url}/clients/new`, { waitUntil: 'load' });
    await form.waitUntilOpen();
    await form.name().fill('Quinn Sharedtablet-Onlysam');
    await form.saveAndOpenRecord();
    await new ClientPageModel(page).waitForClient('Quinn Sharedtablet-Onlysam');
    samClientPath = new URL(page.url()).pathname;

    await switchToList(page);
    expect(await runAxe(page)).toEqual([]);
    await expect(page.getByText('Quinn Sharedtablet-Onlysam').count()).resolves.toBe(0);
    await signInAs(page, GRACE.email, GRACE.password);
    await new CaseloadPage(page).waitForClients();
    expect(await signedInBadge(page).textContent()).toContain('Grace Mensah');
    expect(await new CaseloadPage(page).clientNames()).not.toContain('Quinn Sharedtablet-Onlysam');
    // Sam's client is not in Grace's database at all, even by its address.
    await page.goto(`${server.url}${samClientPath}`, { waitUntil: 'load' });
    await signedInBadge(page).waitFor();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect(page.getByText('Quinn Sharedtablet-Onlysam').count()).resolves.toBe(0);

    // Back to Sam by name and PIN: his record is there.
    await switchToList(page);
    await page.getByRole('button', { name: /Sam Whitfield/ }).click();
    await pinScreen(page).waitFor();
    await unlockWithPin(page);
    await page.goto(`${server.url}${samClientPath}`, { waitUntil: 'load' });
    await new ClientPageModel(page).waitForClient('Quinn Sharedtablet-Onlysam');
  });

  it('five wrong PINs lock the profile, even against the right PIN; an online sign-in recovers it with a new PIN', async () => {
    await switchToList(page);
    await page.getByRole('button', { name: /Grace Mensah/ }).click();
    await pinScreen(page).waitFor();
    for (let i = 0; i < 4; i++) {
      await page.getByLabel('PIN', { exact: true }).fill(`90817${i}`);
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
      await page.getByText(`You have ${4 - i} ${4 - i === 1 ? 'try' : 'tries'} left`).first().waitFor({ timeout: WAIT_MS });
    }
    await page.getByLabel('PIN', { exact: true }).fill('908179');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByText('Too many wrong PINs').first().waitFor({ timeout: WAIT_MS });
    expect(await page.getByLabel('Email address', { exact: true }).inputValue()).toBe(GRACE.email);

    // The PIN no longer opens anything, even after a reload: Grace can only sign in with her password.
    await page.reload({ waitUntil: 'load' });
    await page.getByText('Too many wrong PINs').first().waitFor({ timeout: WAIT_MS });
    await expect(pinScreen(page).count()).resolves.toBe(0);

    await page.getByLabel('Password', { exact: true }).fill(GRACE.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('New PIN', { exact: true }).waitFor({ timeout: WAIT_MS });
    // Weak PINs are refused with a plain message.
    await page.getByLabel('New PIN', { exact: true }).fill('123456');
    await page.getByLabel('Enter the PIN again', { exact: true }).fill('123456');
    await page.getByRole('button', { name: 'Save PIN', exact: true }).click();
    await page.getByText('too easy to guess').first().waitFor();
    await choosePin(page, '735104');
    await lock(page);
    await unlockWithPin(page, '735104');
  });

  it('quick exit: one key press or tap leaves for a neutral page, replaces history, and locks the app', async () => {
    await page.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' }));
    const exit = page.getByRole('button', { name: 'Quick exit', exact: true });
    expect(await exit.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThanOrEqual(44);
    await exit.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('https://www.bbc.co.uk/weather', { timeout: WAIT_MS });
    // Back does not land in an open Resonance: the exited page was replaced, and the app is locked.
    await page.goBack().catch(() => null);
    await expect(signedInBadge(page).count()).resolves.toBe(0);
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await pinScreen(page).waitFor({ timeout: WAIT_MS });
    // The PIN screen has it too.
    await page.getByRole('button', { name: 'Quick exit', exact: true }).click();
    await page.waitForURL('https://www.bbc.co.uk/weather', { timeout: WAIT_MS });
    await page.unroute('https://www.bbc.co.uk/**');
  });

  /** As the admin CLI or the settings screen would: through the store, from outside the running server. */
  async function coordinatorSetsIdleMinutes(minutes: number): Promise<void> {
    const store = await openStore({ dataDir: server.dataDir ?? '', databaseUrl: null });
    try {
      await setIdleLockMinutes(store, minutes);
    } finally {
      await store.close();
    }
  }

  /** Opens the app in `tab` on a fake clock and unlocks it with the PIN; the settings it fetches hold `minutes`. */
  async function unlockOnFakeClock(tab: Page, minutes: number): Promise<void> {
    await tab.clock.install();
    await tab.goto(`${server.url}/`, { waitUntil: 'load' });
    await pinScreen(tab).waitFor({ timeout: WAIT_MS });
    const settings = tab.waitForResponse((r) => r.url().endsWith('/api/settings'));
    await unlockWithPin(tab, '735104');
    expect(await (await settings).json()).toEqual({ idleLockMinutes: minutes });
  }

  /** Unlocks in a new page on a fake clock, then closes it while unlocked; returns when it closed. */
  async function unlockThenClose(minutes: number): Promise<number> {
    const tab = await browser.context.newPage();
    await unlockOnFakeClock(tab, minutes);
    const closedAt = await tab.evaluate(() => Date.now());
    await tab.close();
    return closedAt;
  }

  /** A new page whose clock starts at `time`, opening the app. */
  async function openAt(time: number): Promise<Page> {
    const tab = await browser.context.newPage();
    await tab.clock.install({ time });
    await tab.goto(`${server.url}/`, { waitUntil: 'load' });
    return tab;
  }

  it('locks itself after the coordinator’s idle period (fake clock), dropping the key: a new tab needs the PIN too', async () => {
    // The coordinator sets 2 minutes (as the admin CLI or the settings screen would).
    await coordinatorSetsIdleMinutes(2);
    const tab = await browser.context.newPage();
    try {
      await unlockOnFakeClock(tab, 2);
      await tab.clock.fastForward('01:30');
      expect(await signedInBadge(tab).isVisible()).toBe(true);
      await tab.clock.fastForward('01:00');
      await pinScreen(tab).waitFor({ timeout: WAIT_MS });
      const other = await browser.context.newPage();
      await other.goto(`${server.url}/`, { waitUntil: 'load' });
      await pinScreen(other).waitFor({ timeout: WAIT_MS });
      await other.close();

      // A half-filled form: a warning first, and any key press keeps the person working, typing intact.
      await unlockWithPin(tab, '735104');
      await tab.goto(`${server.url}/clients/new`, { waitUntil: 'load' });
      const form = new RegisterClientForm(tab);
      await form.waitUntilOpen();
      await form.name().fill('Half Typed-Name');
      await tab.clock.fastForward('02:10');
      await tab.getByText('Resonance will lock in 1 minute').waitFor({ timeout: WAIT_MS });
      expect(await pinScreen(tab).count()).toBe(0);
      await tab.keyboard.press('Shift');
      await tab.getByText('Resonance will lock in 1 minute').waitFor({ state: 'detached', timeout: WAIT_MS });
      await tab.clock.fastForward('01:10');
      expect(await form.name().inputValue()).toBe('Half Typed-Name');
      // Left alone after the warning, it locks anyway: an unattended tablet matters more than the draft.
      await tab.clock.fastForward('02:10');
      await tab.getByText('Resonance will lock in 1 minute').waitFor({ timeout: WAIT_MS });
      await tab.clock.fastForward('01:05');
      await pinScreen(tab).waitFor({ timeout: WAIT_MS });
    } finally {
      await tab.close();
    }
  });

  it('a reload or new tab opens without the PIN for as long as the open page stays unlocked, with the period the coordinator set', async () => {
    // 30 minutes on the server; the tablet still holds the 2 minutes of the test before, as a first
    // sign-in holds the 5-minute default until the settings arrive.
    await coordinatorSetsIdleMinutes(30);
    const tab = await browser.context.newPage();
    const other = await browser.context.newPage();
    try {
      await unlockOnFakeClock(tab, 30);
      await tab.clock.runFor(1_000);
      // Ten idle minutes: the open page is still unlocked, so a new tab (its clock as late) is too.
      await tab.clock.fastForward('10:00');
      expect(await signedInBadge(tab).isVisible()).toBe(true);
      await other.clock.install({ time: await tab.evaluate(() => Date.now()) });
      await other.goto(`${server.url}/`, { waitUntil: 'load' });
      await signedInBadge(other).waitFor({ timeout: WAIT_MS });
      expect(await pinScreen(other).count()).toBe(0);
      // Locking from either page ends it for both, as the next test expects.
      await lock(other);
    } finally {
      await other.close();
      await tab.close();
    }
  });

  it('a browser closed while unlocked asks for the PIN once no open page renews the grant, well inside the idle period', async () => {
    const closedAt = await unlockThenClose(30);
    // Three minutes later (the grant's lease is two), with 27 of the 30 idle minutes still to run.
    const next = await openAt(closedAt + 3 * 60_000);
    try {
      await pinScreen(next).waitFor({ timeout: WAIT_MS });
      expect(await signedInBadge(next).count()).toBe(0);
    } finally {
      await next.close();
    }
  });

  it('pages opened and closed one after another keep the grant: each renews its lease as it opens', async () => {
    const closedAt = await unlockThenClose(30);
    // 100 s later, 20 s of the lease left: a page that opens and is closed before its first 30-second
    // renewal (a reload, a link opened in a new tab).
    const brief = await openAt(closedAt + 100_000);
    await signedInBadge(brief).waitFor({ timeout: WAIT_MS });
    const leaseUntil = () =>
      brief.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('resonance-unlock');
            open.onsuccess = () => {
              const req = open.result.transaction('grant', 'readonly').objectStore('grant').get('current');
              req.onsuccess = () => {
                open.result.close();
                resolve((req.result as { leaseUntil?: number } | undefined)?.leaseUntil ?? 0);
              };
              req.onerror = () => resolve(0);
            };
            open.onerror = () => resolve(0);
          }),
      );
    // Within 10 s, well before the page's first 30-second renewal could run.
    await expect.poll(leaseUntil, { timeout: 10_000 }).toBeGreaterThanOrEqual(closedAt + 100_000 + 2 * 60_000);
    await brief.close();
    // 200 s after the first page closed: past its lease, inside the one the brief page renewed.
    const next = await openAt(closedAt + 200_000);
    try {
      await signedInBadge(next).waitFor({ timeout: WAIT_MS });
      expect(await pinScreen(next).count()).toBe(0);
      await lock(next);
    } finally {
      await next.close();
    }
  });

  it('[A4] a revoked tablet wipes that person’s records and keys on next contact, and says why', async () => {
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await pinScreen(page).waitFor({ timeout: WAIT_MS });
    await unlockWithPin(page, '735104');
    await new CaseloadPage(page).waitForClients();
    const before = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
    expect(before.some((n) => n.includes('u_worker_grace'))).toBe(true);
    const deviceId = await page.evaluate(() => localStorage.getItem('resonance.deviceId'));
    // Revoked the way the admin CLI does it: through the store, from outside the running server.
    const store = await openStore({ dataDir: server.dataDir ?? '', databaseUrl: null });
    try {
      await revokeDevice(store, deviceId ?? '');
    } finally {
      await store.close();
    }
    await page.getByRole('heading', { name: 'A coordinator has switched off this tablet' }).waitFor({ timeout: WAIT_MS });
    expect(await runAxe(page)).toEqual([]);
    const after = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
    expect(after.filter((n) => n.includes('u_worker_grace'))).toEqual([]);
    const stored = await localStorageDump(page);
    expect(stored).not.toContain('resonance.profile.u_worker_grace');
    expect(stored).not.toContain('resonance.directory.u_worker_grace');
    // Sam's profile is untouched by Grace's wipe (his own next contact wipes his).
    expect(stored).toContain('resonance.profile.u_worker_sam');
  });
});
