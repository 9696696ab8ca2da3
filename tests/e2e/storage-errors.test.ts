/**
 * A full disk while saving a visit (product.md: "nothing typed is ever lost … not to a full disk").
 * IndexedDB writes are made to fail as a full disk does (QuotaExceededError, see
 * pages/storage-faults.ts), then the worker presses Save:
 * - the plain-English quota message appears beside Save, and the page stays on the form;
 * - everything typed (notes, follow-up) is still in the form;
 * - nothing is half-written: the visits and tasks stores hold as many records as before Save;
 * - once space is back, the same Save succeeds and the visit is on the timeline (which also proves
 *   the store counts would have seen it), and the note is not in IndexedDB as plain text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, runAxe, signInAs, startTestServer, type LaunchedBrowser, type TestServer } from '../support';
import { ClientTimeline } from './pages/client-timeline';
import { RecordVisitPage } from './pages/record-visit-page';
import { StorageFaults } from './pages/storage-faults';

const WORKER = { email: 'sam@riverside.example', password: 'resonance-demo' } as const;
/** The start of src/db/errors.ts's 'quota-exceeded' message: what the worker must read. */
const QUOTA_MESSAGE = 'This device is out of storage space, so nothing new could be saved. Your earlier records are safe.';

describe('storage errors while saving a visit', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let faults: StorageFaults;

  beforeAll(async () => {
    server = await startTestServer(process.env.E2E_DIST_DIR ? { distDir: process.env.E2E_DIST_DIR } : {});
    browser = await launchBrowser();
    page = await browser.context.newPage();
    faults = new StorageFaults(page);
    await faults.install();
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await signInAs(page, WORKER.email, WORKER.password);
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('shows the plain quota message, keeps the typed input and stores nothing; saves once space is back', async () => {
    const form = new RecordVisitPage(page);
    await form.openFromCaseload();
    await form.chooseFirstCaseIfAsked();
    const notes = `Typed before the disk filled up ${Date.now()}`;
    const followUp = `Ring the hostel about a bed ${Date.now()}`;
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await form.notes().fill(notes);
    await form.addFollowUp({ title: followUp, due: today });

    const visitsBefore = await faults.recordsIn('visits');
    const tasksBefore = await faults.recordsIn('tasks');
    expect(visitsBefore).toBeGreaterThan(0);
    await faults.failWrites(true);
    await form.save();

    await form.saveError().waitFor({ state: 'visible' });
    expect(await form.saveError().textContent()).toContain(QUOTA_MESSAGE);
    expect(await form.saveError().getAttribute('role')).toBe('alert');
    expect(await form.saveButton().getAttribute('aria-describedby')).toBe('visit-save-error');
    expect(page.url()).toMatch(/\/visits\/new/);
    expect(await form.errorSummary().count()).toBe(0);

    // Everything typed is still there.
    expect(await form.notes().inputValue()).toBe(notes);
    expect(await form.followUp(0).title.inputValue()).toBe(followUp);
    expect(await form.followUp(0).due.inputValue()).toBe(today);

    // Nothing half-written: neither the visit nor its task reached IndexedDB (counted, because the
    // typed text is encrypted at rest and a search for it would find nothing either way).
    expect(await faults.recordsIn('visits')).toBe(visitsBefore);
    expect(await faults.recordsIn('tasks')).toBe(tasksBefore);
    expect(await runAxe(page, { include: 'main' })).toEqual([]);

    // Space is back: the same form saves, whole.
    await faults.failWrites(false);
    await form.saveAndReturn();
    const timeline = new ClientTimeline(page);
    await timeline.entry(notes).waitFor({ state: 'visible' });
    await timeline.entry(`Follow-up: ${followUp}`).waitFor({ state: 'visible' });
    expect(await faults.recordsIn('visits')).toBeGreaterThanOrEqual(visitsBefore + 1);
    expect(await faults.recordsIn('tasks')).toBeGreaterThanOrEqual(tasksBefore + 1);
    // Encrypted at rest: the typed note is nowhere in IndexedDB as plain text.
    expect(await faults.recordsContaining(notes)).toBe(0);
  });
});
