/**
 * When the server's secret no longer opens a person's records on a tablet (the server's key was
 * replaced, or the tablet's id changed: both change the `deviceKeySecret` an online sign-in returns),
 * nothing typed on the tablet may be lost. In real Chromium against the built app and the real sync
 * server; the tablet's id is changed in its storage, so the real server hands out a different secret.
 *
 * - a client registered offline (not yet sent) survives: the sign-in asks for the PIN, a wrong PIN
 *   says how many tries are left, the right one opens the same records and the client then syncs;
 * - "I cannot remember my PIN" says plainly what starting again loses, and only then starts again,
 *   with a new PIN; what the server already had comes back;
 * - records that no key on the tablet opens any more (its profile was lost, the database kept) stop
 *   the app at "could not be read", which now offers the same "start again".
 * axe on the new screens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_SIGN_INS } from '#shared/demo/index';
import { goOffline, goOnline, launchBrowser, runAxe, signInAs, startTestServer, type LaunchedBrowser, type TestServer } from '../support';
import { choosePin, signedInBadge, TEST_PIN } from '../support/sign-in';
import { CaseloadPage } from './pages/caseload-page';
import { ClientPageModel, RegisterClientForm } from './pages/register-client-form';

const SAM = DEMO_SIGN_INS.worker;
const WAIT_MS = 30_000;
const UNSYNCED = 'Robin Keychange-Unsynced';

function recoverScreen(page: Page) {
  return page.getByRole('heading', { level: 1, name: 'Enter your PIN to open your records' });
}

/** Locks the app, gives the tablet a new id (so the server's secret for it changes) and signs in online. */
async function signInWithChangedSecret(page: Page, newDeviceId: string): Promise<void> {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /Enter your PIN to unlock/ }).waitFor({ timeout: WAIT_MS });
  await page.evaluate((id) => localStorage.setItem('resonance.deviceId', id), newDeviceId);
  await page.getByRole('button', { name: 'Forgotten your PIN? Sign in with your password', exact: true }).click();
  expect(await page.getByLabel('Email address', { exact: true }).inputValue()).toBe(SAM.email);
  await page.getByLabel('Password', { exact: true }).fill(SAM.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('a changed server secret', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await signInAs(page, SAM.email, SAM.password);
    await new CaseloadPage(page).waitForClients();
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('asks for the PIN and keeps what was not yet sent; the PIN opens the same records, which then sync', async () => {
    await goOffline(browser.context);
    try {
      await new CaseloadPage(page).openRegister();
      const form = new RegisterClientForm(page);
      await form.waitUntilOpen();
      await form.name().fill(UNSYNCED);
      await form.saveAndOpenRecord();
      await new ClientPageModel(page).waitForClient(UNSYNCED);
    } finally {
      await goOnline(browser.context);
    }
    const clientPath = new URL(page.url()).pathname;

    await signInWithChangedSecret(page, 'tablet-after-key-change-1');
    await recoverScreen(page).waitFor({ timeout: WAIT_MS });
    expect(await runAxe(page)).toEqual([]);
    await page.getByLabel('PIN', { exact: true }).fill('111222');
    await page.getByRole('button', { name: 'Open my records', exact: true }).click();
    await page.getByText('That PIN is not right. You have 4 tries left before your PIN can no longer open them').first().waitFor({ timeout: WAIT_MS });

    await page.getByLabel('PIN', { exact: true }).fill(TEST_PIN);
    await page.getByRole('button', { name: 'Open my records', exact: true }).click();
    await signedInBadge(page).waitFor({ timeout: WAIT_MS });
    await page.goto(`${server.url}${clientPath}`, { waitUntil: 'load' });
    await new ClientPageModel(page).waitForClient(UNSYNCED);
    // It syncs from here (the next test finds it on the server after starting again).
    await page.getByText('Up to date').first().waitFor({ timeout: WAIT_MS });
  });

  it('"I cannot remember my PIN" says what starting again loses before it starts again with a new PIN', async () => {
    await signInWithChangedSecret(page, 'tablet-after-key-change-2');
    await recoverScreen(page).waitFor({ timeout: WAIT_MS });
    await page.getByRole('button', { name: 'I cannot remember my PIN', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Start again on this tablet?' }).waitFor({ timeout: WAIT_MS });
    await page.getByText('Anything not yet sent from this tablet will be lost').waitFor();
    expect(await runAxe(page)).toEqual([]);
    // "Try my PIN again" goes back without changing anything.
    await page.getByRole('button', { name: 'Try my PIN again', exact: true }).click();
    await recoverScreen(page).waitFor({ timeout: WAIT_MS });
    await page.getByRole('button', { name: 'I cannot remember my PIN', exact: true }).click();
    await page.getByRole('button', { name: 'Start again', exact: true }).click();
    await choosePin(page, '735104');
    // The new, empty copy fills again from the server, the client registered offline included.
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    const caseload = new CaseloadPage(page);
    await caseload.waitForClients();
    await caseload.searchFor('Keychange-Unsynced');
    await expect.poll(() => caseload.clientNames(), { timeout: WAIT_MS }).toEqual([UNSYNCED]);
  });

  it('records no key here opens any more (the profile was lost, the database kept) can be started again from the error page', async () => {
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Enter your PIN to unlock/ }).waitFor({ timeout: WAIT_MS });
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('resonance.profile.')) localStorage.removeItem(key);
    });
    await page.reload({ waitUntil: 'load' });
    // With no profile this is a first sign-in: a new key, which cannot open the records kept here.
    await page.getByLabel('Email address', { exact: true }).fill(SAM.email);
    await page.getByLabel('Password', { exact: true }).fill(SAM.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('New PIN', { exact: true }).fill('735104');
    await page.getByLabel('Enter the PIN again', { exact: true }).fill('735104');
    await page.getByRole('button', { name: 'Save PIN', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Some records on this device could not be read' }).waitFor({ timeout: WAIT_MS });
    expect(await runAxe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Start again on this tablet', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Start again on this tablet?' }).waitFor({ timeout: WAIT_MS });
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Start again', exact: true }).click();
    await signedInBadge(page).waitFor({ timeout: WAIT_MS });
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    const caseload = new CaseloadPage(page);
    await caseload.waitForClients();
    await caseload.searchFor('Keychange-Unsynced');
    await expect.poll(() => caseload.clientNames(), { timeout: WAIT_MS }).toEqual([UNSYNCED]);
  });
});
