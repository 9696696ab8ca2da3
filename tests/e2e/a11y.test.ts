/**
 * Accessibility in real Chromium (product.md quality bar: WCAG 2.2 AA, keyboard friendly): axe finds
 * no WCAG 2.2 AA violation on each screen a worker or coordinator uses, including forms showing
 * their errors; the pages reflow at 320 CSS pixels (200%/400% zoom) without sideways scrolling; and a
 * visit can be recorded from the caseload with the keyboard alone (Tab, Enter, Space and typing),
 * with a visible focus indicator on each control used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, runAxe, signInAs, startTestServer, type LaunchedBrowser, type TestServer } from '../support';
import { CaseloadPage } from './pages/caseload-page';
import { focused, tabTo } from './pages/keyboard';
import { RegisterClientForm } from './pages/register-client-form';

const WORKER = { email: 'sam@riverside.example', password: 'resonance-demo' } as const;
const COORDINATOR = { email: 'coord@riverside.example', password: 'resonance-demo' } as const;
const PAGE_TIMEOUT_MS = 30_000;

async function h1(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
}

/**
 * The contrast ratio (WCAG 2.2) of an element's text on its own background, from the computed
 * styles as they are now (under the pointer, say): both must be opaque colours.
 */
function textContrast(el: Element): number {
  const style = getComputedStyle(el);
  const luminance = (colour: string): number => {
    const [r = 0, g = 0, b = 0, alpha = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
    if (alpha !== 1) throw new Error(`not an opaque colour: ${colour}`);
    const channel = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

/** True when the page needs no sideways scrolling at the current viewport. */
function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

describe('accessibility (WCAG 2.2 AA)', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let caseload: CaseloadPage;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    caseload = new CaseloadPage(page);
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('sign-in page, empty and with errors', async () => {
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await h1(page, 'Sign in to Resonance');
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await signInAs(page, WORKER.email, WORKER.password);
  });

  it('caseload, with results and with nothing found', async () => {
    await caseload.waitForClients();
    expect(await runAxe(page)).toEqual([]);
    await caseload.searchFor('zzzz nobody');
    await page.getByRole('heading', { name: /^No clients match/ }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await caseload.searchFor('');
  });

  it('client page', async () => {
    const [name = ''] = await caseload.clientNames();
    await caseload.clientLinks().first().click();
    await h1(page, name);
    await page.getByRole('heading', { level: 2, name: 'Visits and follow-ups' }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    // Links drawn as buttons keep readable text under the pointer ("Record visit" once took the
    // links' hover colour: dark text on the dark button).
    for (const name of [/^Record visit/, /^Add feedback/]) {
      const link = page.getByRole('main').getByRole('link', { name }).first();
      await link.hover();
      expect(await link.evaluate(textContrast), `${String(name)} under the pointer`).toBeGreaterThanOrEqual(4.5);
    }
    await page.getByRole('button', { name: 'Record consent' }).click();
    await page.getByRole('button', { name: 'Save consent' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await runAxe(page)).toEqual([]);
  });

  it('register a client, empty and with errors', async () => {
    await page.getByRole('link', { name: 'Caseload', exact: true }).click();
    await caseload.waitForClients();
    await caseload.openRegister();
    const form = new RegisterClientForm(page);
    await form.waitUntilOpen();
    expect(await runAxe(page)).toEqual([]);
    await form.email().fill('not-an-email');
    await form.saveButton().click();
    await form.errorSummary().waitFor();
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('link', { name: 'Cancel', exact: true }).click();
    await caseload.waitForClients();
  });

  it('visit form, tasks due, sign-out and page-not-found pages', async () => {
    await caseload.recordVisitLinks().first().click();
    await h1(page, 'Record a visit');
    expect(await runAxe(page)).toEqual([]);

    await page.getByRole('link', { name: 'Tasks due', exact: true }).click();
    await h1(page, 'Tasks due');
    expect(await runAxe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await h1(page, 'Sign out of Resonance');
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('link', { name: 'Stay signed in' }).click();

    await page.goto(`${server.url}/no-such-page`, { waitUntil: 'load' });
    await h1(page, 'Page not found');
    expect(await runAxe(page)).toEqual([]);
  });

  it('reflows at 320 CSS pixels wide (400% zoom) with no sideways scrolling', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    try {
      await page.goto(`${server.url}/`, { waitUntil: 'load' });
      await caseload.waitForClients();
      expect(await fitsWidth(page)).toBe(true);
      await caseload.clientLinks().first().click();
      await page.getByRole('heading', { level: 2, name: 'Cases' }).waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await page.goto(`${server.url}/clients/new`, { waitUntil: 'load' });
      await h1(page, 'Register a client');
      expect(await fitsWidth(page)).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('records a visit from the caseload with the keyboard alone', async () => {
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await caseload.waitForClients();

    // The first Tab reaches the skip link, which jumps past the header and navigation.
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Skip to main content');
    await page.keyboard.press('Enter');

    const link = await tabTo(page, { tag: 'a', name: /^Record visit for / });
    expect(link.hasFocusRing).toBe(true);
    const client = link.name.replace(/^Record visit for /, '');
    await page.keyboard.press('Enter');
    await h1(page, 'Record a visit');

    const kind = await tabTo(page, { tag: 'input', type: 'radio', legend: /^Type of contact/ });
    expect(kind.hasFocusRing).toBe(true);
    await page.keyboard.press('Space');
    await tabTo(page, { tag: 'textarea', name: /^Notes/ });
    const notes = `Keyboard-only visit ${Date.now()}`;
    await page.keyboard.type(notes);
    const save = await tabTo(page, { tag: 'button', name: /^Save visit$/ });
    expect(save.hasFocusRing).toBe(true);
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/clients\/[^/]+$/, { timeout: PAGE_TIMEOUT_MS });
    await h1(page, client);
    await page.getByRole('region', { name: 'Visits and follow-ups' }).getByText(notes).waitFor({ timeout: PAGE_TIMEOUT_MS });
  });
});

describe('accessibility for coordinators', () => {
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

  it('caseload and conflicts pages', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await signInAs(page, COORDINATOR.email, COORDINATOR.password);
    const caseload = new CaseloadPage(page);
    await caseload.waitForClients();
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('link', { name: 'Conflicts', exact: true }).click();
    await h1(page, 'Conflicts');
    expect(await runAxe(page)).toEqual([]);
  });
});
