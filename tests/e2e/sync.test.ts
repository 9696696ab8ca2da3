/**
 * Two tablets of one team, each a separate Chromium profile (its own IndexedDB and service worker),
 * syncing through the real server (sync.md L1, D2, D5). A records a visit while offline on a case
 * shared with the team; when A is back online the visit appears on B without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS } from '#shared/demo/organisation';
import { generateDemoOrg } from '#shared/demo/generate';
import { goOffline, goOnline, launchBrowser, signInAs, startTestServer, type LaunchedBrowser, type TestServer } from '../support/index';
import { ClientTimeline } from './pages/client-timeline';
import { RecordVisitPage } from './pages/record-visit-page';

/** Live updates should land within about a second; the test allows for a slow, shared CI machine. */
const LIVE_TIMEOUT_MS = 20_000;

function login(id: string): { email: string; password: string } {
  const user = DEMO_USERS.find((u) => u.id === id);
  if (!user) throw new Error(`demo user ${id} is missing`);
  return { email: user.email, password: DEMO_PASSWORD };
}

/** An open case of Street Outreach shared with the team, so Sam and Aisha both see it. */
function sharedStreetCase(): { caseId: string; clientId: string } {
  const org = generateDemoOrg();
  const c = org.docs.cases.find((x) => x.sharedWithTeam && x.status === 'open' && x.teamId === 'team_street_outreach');
  if (!c) throw new Error('the demo data has no open shared Street Outreach case');
  return { caseId: c.id, clientId: c.clientId };
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
  const shared = sharedStreetCase();

  beforeAll(async () => {
    server = await startTestServer();
    tabletA = await launchBrowser();
    tabletB = await launchBrowser();
    pageA = await openSignedIn(tabletA, server, login('u_worker_sam'));
    pageB = await openSignedIn(tabletB, server, login('u_worker_aisha'));
  });

  afterAll(async () => {
    await tabletA.close();
    await tabletB.close();
    await server.close();
  });

  it('[L1][D2] a visit recorded offline on tablet A appears on tablet B without a reload once A is back online', async () => {
    await pageB.goto(`${server.url}/clients/${shared.clientId}`);
    const timelineB = new ClientTimeline(pageB);
    await timelineB.waitUntilOpen();

    await goOffline(tabletA.context);
    await pageA.goto(`${server.url}/clients/${shared.clientId}/visits/new?case=${shared.caseId}`).catch(() => undefined);
    const form = new RecordVisitPage(pageA);
    await form.waitUntilOpen();
    const notes = `Met by the library, offline ${Date.now()}`;
    await form.notes().fill(notes);
    await form.saveAndReturn();
    await new ClientTimeline(pageA).entry(notes).waitFor();
    await expect(pageA.getByText(/Offline/).first().isVisible()).resolves.toBe(true);

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
});
