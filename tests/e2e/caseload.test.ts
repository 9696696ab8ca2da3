/**
 * My caseload and registering a client, in real Chromium against the built app and the real sync
 * server with the demo organisation (README: demo sign-ins). Signs in as the demo outreach worker.
 *
 * - the caseload lists the clients synced to the device, and search narrows them as you type;
 * - registering with a mistake shows the error summary (focused) and the message beside the field;
 * - a near-duplicate of someone on the device is flagged offline, with reasons, and the link opens the
 *   existing record instead;
 * - a corrected registration saves, Back then goes to the caseload (not to the spent form), and the
 *   new client is found by the caseload search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { goOffline, goOnline, launchBrowser, signInAs, startTestServer, type LaunchedBrowser, type TestServer } from '../support';
import { CaseloadPage } from './pages/caseload-page';
import { ClientPageModel, RegisterClientForm } from './pages/register-client-form';

const WORKER = { email: 'sam@riverside.example', password: 'resonance-demo' } as const;
/** Rows the caseload renders before "Show more" (PAGE_SIZE in src/features/caseload/model.ts). */
const PAGE_SIZE = 25;

/** A spelling variant: drops one letter from the middle of the first name ("Adaeze" → "Adaze"). */
function misspell(name: string): string {
  const [first = '', ...rest] = name.split(' ');
  const i = Math.floor(first.length / 2);
  return [first.slice(0, i) + first.slice(i + 1), ...rest].join(' ');
}

describe('my caseload', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let caseload: CaseloadPage;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await signInAs(page, WORKER.email, WORKER.password);
    caseload = new CaseloadPage(page);
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('lists the clients on this device after sign-in', async () => {
    await caseload.waitForClients();
    const total = await caseload.summaryCount();
    const names = await caseload.clientNames();
    expect(total).toBeGreaterThan(0);
    expect(names.length).toBe(Math.min(total, PAGE_SIZE));
    // Alphabetical, as the search index orders an empty query.
    const sorted = [...names].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' }));
    expect(names.map((n) => n.toLowerCase())).toEqual(sorted.map((n) => n.toLowerCase()));
  });

  it('"Show more" adds the next clients and moves focus to the first new one', async () => {
    await caseload.waitForClients();
    const total = await caseload.summaryCount();
    expect(total, 'the demo worker needs more than one page of clients').toBeGreaterThan(PAGE_SIZE);
    await page.getByRole('button', { name: 'Show more clients' }).click();
    await caseload.clientLinks().nth(PAGE_SIZE).waitFor();
    const names = await caseload.clientNames();
    expect(names.length).toBe(Math.min(total, 2 * PAGE_SIZE));
    const focusedName = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focusedName).toBe(names[PAGE_SIZE]);
  });

  it('a page reached by a link is drawn from its top in its first frame, not at the scroll offset of the page before', async () => {
    // A short window (a tablet on its side with the keyboard up), so both pages are taller than it
    // and a leftover scroll offset would show rather than be cut back to the top.
    const size = page.viewportSize();
    await page.setViewportSize({ width: 1024, height: 360 });
    await caseload.waitForClients();
    await caseload.clientLinks().first().click();
    await page.getByRole('heading', { level: 1 }).and(page.locator(':focus')).waitFor();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => window.scrollY), 'the client page must be scrolled for this test to mean anything').toBeGreaterThan(100);
    // Every frame from the key press until the caseload's heading has focus: the page's heading and the scroll offset.
    await page.evaluate(() => {
      const frames: string[] = [];
      (window as unknown as { routeFrames: string[] }).routeFrames = frames;
      const tick = () => {
        frames.push(`${document.querySelector('main h1')?.textContent ?? ''}|${Math.round(scrollY)}`);
        const focused = document.activeElement;
        if (!(focused instanceof HTMLHeadingElement) || focused.textContent !== 'My caseload') requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // The keyboard's way to the header's "Caseload" link, without scrolling up to it first.
    await page.getByRole('link', { name: 'Caseload', exact: true }).first().evaluate((a) => (a as HTMLElement).focus({ preventScroll: true }));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement instanceof HTMLHeadingElement && document.activeElement.textContent === 'My caseload');
    const frames = await page.evaluate(() => (window as unknown as { routeFrames: string[] }).routeFrames);
    const onCaseload = frames.filter((f) => f.startsWith('My caseload|'));
    expect(onCaseload.length, frames.join('\n')).toBeGreaterThan(0);
    expect(onCaseload.filter((f) => !f.endsWith('|0')), `frames of the caseload not at its top:\n${frames.join('\n')}`).toEqual([]);
    if (size) await page.setViewportSize(size);
  });

  it('narrows the list as you type, and widens it again when cleared', async () => {
    await caseload.waitForClients();
    const total = await caseload.summaryCount();
    const [target = ''] = await caseload.clientNames();
    const surname = target.split(' ').at(-1) ?? target;

    await caseload.searchFor(surname);
    const found = await caseload.clientNames();
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(total);
    expect(found).toContain(target);
    for (const name of found) expect(name.toLowerCase()).toContain(surname.toLowerCase().slice(0, 3));

    await caseload.searchFor(`${target} zzz`);
    await expect(caseload.summaryCount()).resolves.toBe(0);
    await page.getByRole('heading', { name: /^No clients match/ }).waitFor();

    await caseload.searchFor('');
    expect(await caseload.summaryCount()).toBe(total);
  });

  it('registering with a mistake shows the error summary, focused, and the message beside the field', async () => {
    await page.getByRole('link', { name: 'Caseload', exact: true }).click();
    await caseload.waitForClients();
    await caseload.openRegister();
    const form = new RegisterClientForm(page);
    await form.waitUntilOpen();

    await form.email().fill('not-an-email');
    await form.saveButton().click();
    await form.errorSummary().waitFor();
    expect(await form.errorSummaryMessages()).toEqual([
      "Enter the client's full name",
      'Enter an email address in the correct format, like name@example.com',
    ]);
    expect(await form.errorSummaryHasFocus()).toBe(true);
    expect(await form.inlineErrorOf(form.name())).toBe("Enter the client's full name");
    expect(page.url()).toMatch(/\/clients\/new$/);

    // The summary's link takes you to the field.
    await form.errorSummary().getByRole('link', { name: "Enter the client's full name" }).click();
    expect(await form.name().evaluate((el) => el === document.activeElement)).toBe(true);

    await form.name().fill('Jordan Testcase-Newperson');
    await form.email().fill('jordan@example.com');
    await form.need('Housing').check();
    await form.saveAndOpenRecord();
    await new ClientPageModel(page).waitForClient('Jordan Testcase-Newperson');
    await page.getByText('Jordan Testcase-Newperson is registered').waitFor();

    // The saved form gave way to the record: Back goes to the caseload, not to a blank form.
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/');
    await caseload.waitForClients();
    await caseload.searchFor('Testcase-Newperson');
    expect(await caseload.clientNames()).toEqual(['Jordan Testcase-Newperson']);
    await caseload.searchFor('');
  });

  it('warns offline about a near-duplicate and opens the existing record instead', async () => {
    await caseload.waitForClients();
    const names = await caseload.clientNames();
    let existing: { name: string; dob: string } | null = null;
    for (const name of names) {
      const dob = await caseload.dateOfBirthOf(name);
      if (dob && (name.split(' ')[0] ?? '').length >= 4) {
        existing = { name, dob };
        break;
      }
    }
    if (!existing) throw new Error('No client with a date of birth and a first name of 4+ letters on the first page');

    await goOffline(browser.context);
    await caseload.openRegister();
    const form = new RegisterClientForm(page);
    await form.waitUntilOpen();
    await form.name().fill(misspell(existing.name));
    // A similar name alone never warns (common names would flood the warning).
    expect(await form.duplicateWarning().count()).toBe(0);
    await form.dateOfBirth().fill(existing.dob);

    await form.duplicateLink(existing.name).waitFor();
    const warning = (await form.duplicateWarning().textContent()) ?? '';
    expect(warning).toContain('Same date of birth');
    expect(warning).toMatch(/similar name/i);

    await form.duplicateLink(existing.name).click();
    await new ClientPageModel(page).waitForClient(existing.name);
    expect(page.url()).toMatch(/\/clients\/(?!new)[^/]+$/);
    await goOnline(browser.context);
  });

  it('[D4] a cold start offline shows the first screen before every client is read, and never a stale one', async () => {
    /** When the first rows were in the DOM, and when every client had been read (the page's marks). */
    const marks = async () => {
      await page.waitForFunction(() => performance.getEntriesByName('resonance:caseload-clients-read').length > 0);
      return page.evaluate(() => ({
        firstRows: performance.getEntriesByName('resonance:caseload-first-rows')[0]?.startTime ?? Number.NaN,
        clientsRead: performance.getEntriesByName('resonance:caseload-clients-read')[0]?.startTime ?? Number.NaN,
      }));
    };
    await page.getByRole('link', { name: 'Caseload', exact: true }).click();
    await caseload.waitForClients();
    const listed = await caseload.clientNames();
    await goOffline(browser.context);

    await page.reload({ waitUntil: 'load' });
    await caseload.waitForClients();
    const fromHead = await caseload.clientNames();
    const quick = await marks();
    expect(quick.firstRows, 'the first rows come from the stored head, before every client is read').toBeLessThan(quick.clientsRead);
    expect(fromHead).toEqual(listed);
    expect(await caseload.clientNames(), 'the full list shows the same first screen').toEqual(listed);
    // The stored head holds ids and counts only: no name a person could read off the tablet.
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('resonance.caseloadHead.')).map((k) => localStorage.getItem(k) ?? ''));
    expect(stored).toHaveLength(1);
    for (const name of listed) expect(stored[0]).not.toContain(name);

    // A client registered after the head was stored comes first; the stale head must not hide them.
    await caseload.openRegister();
    const form = new RegisterClientForm(page);
    await form.waitUntilOpen();
    await form.name().fill('Aaaa Headfirst');
    await form.need('Housing').check();
    await form.saveAndOpenRecord();
    await new ClientPageModel(page).waitForClient('Aaaa Headfirst');
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await caseload.waitForClients();
    expect((await caseload.clientNames())[0]).toBe('Aaaa Headfirst');
    const refused = await marks();
    expect(refused.firstRows, 'a stale head is refused: rows wait for the full read').toBeGreaterThanOrEqual(refused.clientsRead);

    // That full read stored a fresh head, so the next cold start is quick again and shows the new client.
    await page.reload({ waitUntil: 'load' });
    await caseload.waitForClients();
    expect((await caseload.clientNames())[0]).toBe('Aaaa Headfirst');
    const again = await marks();
    expect(again.firstRows).toBeLessThan(again.clientsRead);
    await goOnline(browser.context);
  });
});
