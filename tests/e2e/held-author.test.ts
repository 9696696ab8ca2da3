/**
 * The author's side of a held-back change (sync.md C4 with A3) in real Chromium against the real
 * server: Sam records a visit offline on a case of his; a coordinator reassigns the case meanwhile.
 * Back online, the server keeps the visit for a coordinator and removes the case from Sam's tablet.
 * Sam goes on seeing, on his Unsynced page, that the change was held back and why (it is not
 * counted as waiting to sync), and can remove the notice with the keyboard. axe on the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_SIGN_INS } from '#shared/demo/organisation';
import { newId } from '#shared/lib/ids';
import { goOffline, goOnline, launchBrowser, runAxe, signInAs, startTestServer, type LaunchedBrowser, type TestServer } from '../support/index';
import { ownCaseOf } from '../support/demo-cases';
import { RecordVisitPage } from './pages/record-visit-page';
import { UnsyncedPage } from './pages/unsynced-page';

const SYNC_TIMEOUT_MS = 60_000;
const SAM = 'u_worker_sam';
const AISHA = 'u_worker_aisha';


async function api(server: TestServer, token: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** The coordinator's app writes a new assignment to the case document; this does the same over HTTP. */
async function reassign(server: TestServer, caseId: string, to: string): Promise<void> {
  const { email, password } = DEMO_SIGN_INS.coordinator;
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password, deviceId: newId(), deviceName: 'Coordinator laptop' }) });
  const { token } = (await login.json()) as { token: string };
  const cases: Record<string, unknown>[] = [];
  let checkpoint: unknown = null;
  for (;;) {
    const q = new URLSearchParams({ limit: '1000', ...(checkpoint ? { checkpoint: JSON.stringify(checkpoint) } : {}) });
    const page = (await (await api(server, token, `/api/sync/v1/cases/0/pull?${q.toString()}`)).json()) as { documents: Record<string, unknown>[]; checkpoint: unknown };
    cases.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length < 1000) break;
  }
  const before = cases.find((c) => c.id === caseId);
  if (!before) throw new Error(`the coordinator cannot see case ${caseId}`);
  const after = { ...before, assignedTo: [to], writeId: newId(), clientUpdatedAt: new Date().toISOString() };
  const res = await api(server, token, '/api/sync/v1/cases/0/push', [{ assumedMasterState: before, newDocumentState: after }]);
  expect(await res.json()).toEqual([]);
  expect(res.headers.get('x-resonance-quarantined')).toBe('0');
}

describe('a held-back change seen by its author (C4, A3)', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;
  const target = ownCaseOf(SAM);
  const notes = `Visit recorded offline before a reassignment ${String(Date.now() % 100_000)}`;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(server.url);
    await signInAs(page, DEMO_SIGN_INS.worker.email, DEMO_SIGN_INS.worker.password);
    await page.getByText('Up to date', { exact: false }).first().waitFor({ timeout: SYNC_TIMEOUT_MS });
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('[C4][A3] a visit recorded offline on a case reassigned meanwhile stays listed as held back after the case leaves the tablet, until Sam removes the notice', async () => {
    await goOffline(browser.context);
    await page.goto(`${server.url}/clients/${target.clientId}/visits/new?case=${target.caseId}`).catch(() => undefined);
    const form = new RecordVisitPage(page);
    await form.waitUntilOpen();
    await form.notes().fill(notes);
    await form.saveAndReturn();

    await reassign(server, target.caseId, AISHA);
    await goOnline(browser.context);

    // The banner points to the held-back change; nothing is counted as waiting to sync.
    await page.getByText('1 record was not accepted by the server').waitFor({ timeout: SYNC_TIMEOUT_MS });
    await page.getByText('All your records are synced', { exact: true }).waitFor({ timeout: SYNC_TIMEOUT_MS });
    await page.getByRole('link', { name: 'See the record held back and why' }).click();
    const unsynced = new UnsyncedPage(page);
    await unsynced.heading().waitFor();
    const held = unsynced.heldBackItems();
    // The case's removal reaches the tablet: the notice no longer names the record or links to it.
    await held.filter({ hasText: 'A record that is no longer on this device' }).waitFor({ timeout: SYNC_TIMEOUT_MS });
    expect(await held.count()).toBe(1);
    const text = (await held.textContent()) ?? '';
    expect(text).toContain('Visit');
    expect(text).toContain('You are no longer on this case');
    expect(text).toContain('The server has kept this change');
    expect(text).not.toContain(notes);
    expect(await held.getByRole('link').count()).toBe(0);
    expect(await page.getByText('held back by the server and needs your attention').count()).toBe(1);
    expect(await runAxe(page)).toEqual([]);

    // The server holds the visit for a coordinator, with its content.
    const coordinatorLogin = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...DEMO_SIGN_INS.coordinator, deviceId: newId(), deviceName: 'Check' }),
    });
    const { token } = (await coordinatorLogin.json()) as { token: string };
    expect(JSON.stringify(await (await api(server, token, '/api/sync/v1/held')).json())).toContain(notes);

    // Keyboard only: focus the button and press Enter; the notice goes, and so does the banner.
    const remove = held.getByRole('button', { name: 'Remove this notice' });
    await remove.focus();
    await page.keyboard.press('Enter');
    await unsynced.emptyState().waitFor({ timeout: SYNC_TIMEOUT_MS });
    // The shell's banner follows the outbox at most every 250 ms (useBackgroundObservable).
    await page.getByText('1 record was not accepted by the server').waitFor({ state: 'detached', timeout: SYNC_TIMEOUT_MS });
    expect(await runAxe(page)).toEqual([]);
  });
});
