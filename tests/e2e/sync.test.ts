/**
 * Two tablets of one team, each a separate Chromium profile (its own IndexedDB and service worker),
 * syncing through the real server (sync.md L1, D2, D5). A records a visit while offline on a case
 * shared with the team; when A is back online the visit appears on B without a reload. Both edit one
 * client offline: different fields both survive (C3); the same field reaches a coordinator's review
 * list with both values and both people's names (C3); a record the server holds back is listed on
 * the unsynced changes page with its reason (C4). The new pages are checked with axe on the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS } from '#shared/demo/organisation';
import { generateDemoOrg } from '#shared/demo/generate';
import { goOffline, goOnline, launchBrowser, runAxe, signInAs, startTestServer, type LaunchedBrowser, type TestServer } from '../support/index';
import { ClientTimeline } from './pages/client-timeline';
import { ConflictsPage } from './pages/conflicts-page';
import { clientDetail, EditClientPage } from './pages/edit-client-page';
import { RecordVisitPage } from './pages/record-visit-page';
import { UnsyncedPage } from './pages/unsynced-page';

/** Live updates should land within about a second; the test allows for a slow, shared CI machine. */
const LIVE_TIMEOUT_MS = 20_000;

function login(id: string): { email: string; password: string } {
  const user = DEMO_USERS.find((u) => u.id === id);
  if (!user) throw new Error(`demo user ${id} is missing`);
  return { email: user.email, password: DEMO_PASSWORD };
}

/** An open case of Street Outreach shared with the team, so Sam and Aisha both see it. */
function sharedStreetCase(): { caseId: string; clientId: string; clientName: string } {
  const org = generateDemoOrg();
  const c = org.docs.cases.find((x) => x.sharedWithTeam && x.status === 'open' && x.teamId === 'team_street_outreach');
  if (!c) throw new Error('the demo data has no open shared Street Outreach case');
  const client = org.docs.clients.find((x) => x.id === c.clientId);
  if (!client) throw new Error('the shared case has no client in the demo data');
  return { caseId: c.id, clientId: c.clientId, clientName: client.name };
}

/** The status bar once this device's outbox is empty: everything it saved has reached the server. */
async function waitUntilAllSynced(page: Page): Promise<void> {
  await page.getByText('All your records are synced', { exact: true }).waitFor({ timeout: LIVE_TIMEOUT_MS });
}

/** Opens the client's edit page while offline (the service worker serves the app shell). */
async function openEditOffline(page: Page, server: TestServer, clientId: string): Promise<EditClientPage> {
  await page.goto(`${server.url}/clients/${clientId}/edit`).catch(() => undefined);
  const edit = new EditClientPage(page);
  await edit.waitUntilOpen();
  return edit;
}

async function openSignedIn(browser: LaunchedBrowser, server: TestServer, who: { email: string; password: string }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await signInAs(page, who.email, who.password);
  await page.getByText('Up to date', { exact: false }).first().waitFor({ timeout: 60_000 });
  return page;
}

describe('two tablets of one team', () => {
  let server: TestServer;
  let tabletA: LaunchedBrowser;
  let tabletB: LaunchedBrowser;
  let pageA: Page;
  let pageB: Page;
  let coordinator: LaunchedBrowser | null = null;
  const shared = sharedStreetCase();
  const stamp = String(Date.now() % 100_000).padStart(5, '0');

  beforeAll(async () => {
    server = await startTestServer();
    tabletA = await launchBrowser();
    tabletB = await launchBrowser();
    pageA = await openSignedIn(tabletA, server, login('u_worker_sam'));
    pageB = await openSignedIn(tabletB, server, login('u_worker_aisha'));
  });

  afterAll(async () => {
    await coordinator?.close();
    await tabletA.close();
    await tabletB.close();
    await server.close();
  });

  it('[L1][D2] a visit recorded offline on tablet A appears on tablet B without a reload once A is back online', async () => {
    await pageB.goto(`${server.url}/clients/${shared.clientId}`);
    const timelineB = new ClientTimeline(pageB);
    await timelineB.waitUntilOpen();

    await goOffline(tabletA.context);
    // Offline, sync tries no request (D2): not the start's first pulls, the live stream nor the push of the visit.
    const triedOffline: string[] = [];
    const onRequest = (req: { url(): string }) => {
      if (new URL(req.url()).pathname.startsWith('/api/sync/')) triedOffline.push(req.url());
    };
    pageA.on('request', onRequest);
    await pageA.goto(`${server.url}/clients/${shared.clientId}/visits/new?case=${shared.caseId}`).catch(() => undefined);
    const form = new RecordVisitPage(pageA);
    await form.waitUntilOpen();
    const notes = `Met by the library, offline ${Date.now()}`;
    await form.notes().fill(notes);
    await form.saveAndReturn();
    await new ClientTimeline(pageA).entry(notes).waitFor();
    await expect(pageA.getByText(/Offline/).first().isVisible()).resolves.toBe(true);
    pageA.off('request', onRequest);
    expect(triedOffline, 'sync requests tried while offline').toEqual([]);

    const urlBefore = pageB.url();
    const navigations: string[] = [];
    pageB.on('framenavigated', (frame) => {
      if (frame === pageB.mainFrame()) navigations.push(frame.url());
    });
    await goOnline(tabletA.context);
    await timelineB.entry(notes).waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(pageB.url()).toBe(urlBefore);
    expect(navigations, 'tablet B did not reload').toEqual([]);
  });
  it('[C3] edits to different fields of one client made offline on both tablets both survive', async () => {
    const phone = `07700 9${stamp}`;
    const language = `Tigrinya ${stamp}`;
    await goOffline(tabletA.context);
    await goOffline(tabletB.context);

    const editA = await openEditOffline(pageA, server, shared.clientId);
    expect(await runAxe(pageA)).toEqual([]);
    // The same validation as registration, with the error summary, before a good save.
    await editA.phone().fill('not a number');
    await editA.saveButton().click();
    await editA.errorSummary().waitFor();
    expect(await editA.errorSummaryMessages()).toEqual(['Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192']);
    expect(await runAxe(pageA)).toEqual([]);
    await editA.phone().fill(phone);
    await editA.saveAndReturn();
    await clientDetail(pageA, 'Phone').filter({ hasText: phone }).waitFor();

    const editB = await openEditOffline(pageB, server, shared.clientId);
    await editB.language().fill(language);
    await editB.saveAndReturn();
    await clientDetail(pageB, 'Language').filter({ hasText: language }).waitFor();

    await goOnline(tabletA.context);
    await goOnline(tabletB.context);
    for (const page of [pageA, pageB]) {
      await clientDetail(page, 'Phone').filter({ hasText: phone }).waitFor({ timeout: LIVE_TIMEOUT_MS });
      await clientDetail(page, 'Language').filter({ hasText: language }).waitFor({ timeout: LIVE_TIMEOUT_MS });
      await waitUntilAllSynced(page);
    }

    const unsyncedB = new UnsyncedPage(pageB);
    await unsyncedB.openFromStatusBar();
    await unsyncedB.emptyState().waitFor();
    expect(await runAxe(pageB)).toEqual([]);
  });

  it("[C3] the same field edited on both tablets: the conflict reaches the coordinator's review list", async () => {
    const postcodeA = 'YO1 7HH';
    const postcodeB = 'HU1 2AA';
    await goOffline(tabletA.context);
    await goOffline(tabletB.context);
    const editA = await openEditOffline(pageA, server, shared.clientId);
    await editA.postcode().fill(postcodeA);
    await editA.saveAndReturn();
    const editB = await openEditOffline(pageB, server, shared.clientId);
    await editB.postcode().fill(postcodeB);
    await editB.saveAndReturn();

    // While offline the change waits on the unsynced changes page, named by the client.
    const unsyncedB = new UnsyncedPage(pageB);
    await unsyncedB.openFromStatusBar();
    await unsyncedB.item(shared.clientName).waitFor();
    expect(await unsyncedB.item(shared.clientName).textContent()).toMatch(/Client details.*Changed (just now|1 minute ago).*Waiting to sync/);
    expect(await runAxe(pageB)).toEqual([]);

    await goOnline(tabletA.context);
    await waitUntilAllSynced(pageA);
    await goOnline(tabletB.context);
    await waitUntilAllSynced(pageB);
    // The merge keeps the value the server had first (A's) and sets B's aside for review.
    await pageB.goto(`${server.url}/clients/${shared.clientId}`);
    await clientDetail(pageB, 'Postcode').filter({ hasText: postcodeA }).waitFor({ timeout: LIVE_TIMEOUT_MS });

    coordinator = await launchBrowser();
    const coordPage = await openSignedIn(coordinator, server, login('u_coord_amara'));
    const conflicts = new ConflictsPage(coordPage);
    await conflicts.open(server.url);
    const card = conflicts.card(`Client: ${shared.clientName}`).filter({ hasText: postcodeB });
    await card.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await card.getByText('Field:').textContent()).toBe('Field: Postcode');
    const current = (await conflicts.currentValue(card).textContent()) ?? '';
    const other = (await conflicts.otherValue(card).textContent()) ?? '';
    expect(current).toContain(postcodeA);
    expect(current).toContain('Saved by Sam Whitfield');
    expect(other).toContain(postcodeB);
    expect(other).toContain('Saved by Aisha Rahman');
    expect(await runAxe(coordPage)).toEqual([]);

    await conflicts.useOtherValueButton(card).click();
    await card.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
    await pageA.goto(`${server.url}/clients/${shared.clientId}`);
    await clientDetail(pageA, 'Postcode').filter({ hasText: postcodeB }).waitFor({ timeout: LIVE_TIMEOUT_MS });
  });

  it('[C4] a record the server holds back is shown with its reason', async () => {
    // Tablet A's push of this one visit is rewritten on the wire to claim Aisha recorded it; the real
    // server refuses the forgery and quarantines it (sync.md C4), as it would a tampered device.
    const notes = `Held back on purpose ${stamp}`;
    await tabletA.context.route('**/api/sync/v1/visits/*/push', async (route) => {
      const rows = JSON.parse(route.request().postData() ?? '[]') as { newDocumentState: { notes?: string; by?: string } }[];
      for (const row of rows) if (row.newDocumentState.notes === notes) row.newDocumentState.by = 'u_worker_aisha';
      await route.continue({ postData: JSON.stringify(rows) });
    });
    try {
      await pageA.goto(`${server.url}/clients/${shared.clientId}/visits/new?case=${shared.caseId}`);
      const form = new RecordVisitPage(pageA);
      await form.waitUntilOpen();
      await form.notes().fill(notes);
      await form.saveAndReturn();

      const banner = pageA.getByText('1 record was not accepted by the server');
      await banner.waitFor({ timeout: LIVE_TIMEOUT_MS });
      await pageA.getByRole('link', { name: 'See the record held back and why' }).click();
      const unsynced = new UnsyncedPage(pageA);
      await unsynced.heading().waitFor();
      const held = unsynced.heldBackItems();
      expect(await held.count()).toBe(1);
      const text = (await held.textContent()) ?? '';
      expect(text).toContain(`for ${shared.clientName}`);
      expect(text).toContain('made by someone else');
      expect(text).toContain('safe on this device');
      expect(await held.getByRole('link').getAttribute('href')).toBe(`/clients/${shared.clientId}`);
      expect(await runAxe(pageA)).toEqual([]);
    } finally {
      await tabletA.context.unrouteAll();
    }
  });
});
