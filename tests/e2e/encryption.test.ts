/**
 * Encryption at rest in the real app (Chromium, built app, real sync server): after a worker signs in
 * and records a visit with a distinctive note and follow-up, the browser's raw IndexedDB (every
 * database and object store, read with the IndexedDB API in the page, not through RxDB) holds no
 * plain text of either, while the app shows them. Names stay readable (caseload search needs them).
 * Relies on src/app/boot.ts opening the database with the user's data key (`encryptionKey`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, signInAs, startTestServer, type LaunchedBrowser, type TestServer } from '../support';
import { ClientTimeline } from './pages/client-timeline';
import { RecordVisitPage } from './pages/record-visit-page';

const WORKER = { email: 'sam@riverside.example', password: 'resonance-demo' } as const;

function todayIn(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
}

/** Every value in every object store of every IndexedDB database of the page's origin, as JSON text. */
function rawIndexedDb(page: Page): Promise<{ text: string; stores: number }> {
  return page.evaluate(async () => {
    const req = <T,>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
      });
    const parts: string[] = [];
    let stores = 0;
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const idb = await req(indexedDB.open(info.name));
      for (const name of Array.from(idb.objectStoreNames)) {
        stores++;
        parts.push(JSON.stringify(await req(idb.transaction(name).objectStore(name).getAll())));
      }
      idb.close();
    }
    return { text: parts.join('\n'), stores };
  });
}

describe('encryption at rest in the browser', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer(process.env.E2E_DIST_DIR ? { distDir: process.env.E2E_DIST_DIR } : {});
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await signInAs(page, WORKER.email, WORKER.password);
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('the raw IndexedDB holds no plain text of a visit note or follow-up the app shows', async () => {
    const marker = `Zephyrine-${String(Date.now())}`;
    const notes = `Disclosed a safeguarding concern; ${marker} is the code word.`;
    const followUp = `Call the refuge about ${marker}`;
    const form = new RecordVisitPage(page);
    await form.openFromCaseload();
    await form.chooseFirstCaseIfAsked();
    await form.notes().fill(notes);
    await form.addFollowUp({ title: followUp, due: await todayIn(page) });
    await form.saveAndReturn();

    const timeline = new ClientTimeline(page);
    await timeline.waitUntilOpen();
    await timeline.entry(notes).waitFor({ state: 'visible' });
    await timeline.entry(`Follow-up: ${followUp}`).waitFor({ state: 'visible' });

    const raw = await rawIndexedDb(page);
    expect(raw.stores, 'the app stored its records in IndexedDB').toBeGreaterThan(0);
    expect(raw.text).toContain('enc:v1:');
    expect(raw.text).not.toContain(marker);
    // Names are kept readable for caseload search: the client's name is in the clear.
    const heading = (await page.getByRole('heading', { level: 1 }).first().textContent())?.trim() ?? '';
    expect(heading.length).toBeGreaterThan(0);
    expect(raw.text).toContain(heading);
  });
});
