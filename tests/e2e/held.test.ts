/**
 * The coordinator's Held-back changes screen (sync.md C4) in real Chromium against the real server:
 * reachable from the navigation, axe clean, an empty list says so, and offline it says plainly the
 * list needs a connection; a worker's push to a case outside their scope is held back and listed with
 * who, device, reason and fields, and marking it as dealt with (keyboard only) takes it off the list
 * while the server keeps it. The author's side is tests/e2e/held-author.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_SIGN_INS, TEAM } from '#shared/demo/organisation';
import { generateDemoOrg } from '#shared/demo/generate';
import { newId } from '#shared/lib/ids';
import { goOffline, goOnline, launchBrowser, runAxe, signInAs, startTestServer, type LaunchedBrowser, type TestServer } from '../support/index';

const SYNC_TIMEOUT_MS = 90_000;

describe('held-back changes screen (C4)', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(server.url);
    await signInAs(page, DEMO_SIGN_INS.coordinator.email, DEMO_SIGN_INS.coordinator.password);
    await page.getByText('Up to date', { exact: false }).first().waitFor({ timeout: SYNC_TIMEOUT_MS });
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('C4: a coordinator opens Held-back changes from the navigation; an empty list says so; axe clean', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Held-back changes', exact: true }).click();
    await page.getByRole('heading', { name: 'Held-back changes', level: 1 }).waitFor({ timeout: 30_000 });
    await page.getByText('No changes are held back.').waitFor({ timeout: 30_000 });
    expect(await runAxe(page)).toEqual([]);
  });

  it('C4: a worker\'s visit to a case outside their scope is held back and shown with who, the reason and the fields', async () => {
    const sam = DEMO_SIGN_INS.worker;
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: sam.email, password: sam.password, deviceId: newId(), deviceName: 'Held test tablet' }) });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const foreign = generateDemoOrg().docs.cases.find((c) => !c.assignedTo.includes('u_worker_sam') && !c.sharedWithTeam && c.teamId !== TEAM.street);
    expect(foreign).toBeDefined();
    const at = new Date().toISOString();
    const visit = { id: newId(), writeId: newId(), createdAt: at, clientUpdatedAt: at, _deleted: false, caseId: foreign?.id, clientId: foreign?.clientId, by: 'u_worker_sam', at, kind: 'phone', notes: 'Held note from the e2e test' };
    const push = await fetch(`${server.url}/api/sync/v1/visits/0/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify([{ assumedMasterState: null, newDocumentState: visit }]) });
    expect(push.headers.get('x-resonance-quarantined')).toBe('1');
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Devices', exact: true }).click();
    await nav.getByRole('link', { name: 'Held-back changes', exact: true }).click();
    const item = page.getByRole('article').filter({ hasText: 'Held note from the e2e test' });
    await item.waitFor({ timeout: 30_000 });
    expect(await item.textContent()).toContain('Sam Whitfield');
    expect(await item.textContent()).toContain('Held test tablet');
    expect(await item.textContent()).toContain('Why it was held back');
    expect(await runAxe(page)).toEqual([]);

    // Marked as dealt with, keyboard only: the confirm step takes focus, Cancel gives it back, and once
    // confirmed the change leaves the list, the message saying so has focus, and the server keeps it.
    const mark = item.getByRole('button', { name: /^Mark as dealt with: Visit/ });
    await mark.focus();
    await page.keyboard.press('Enter');
    const confirm = item.getByRole('button', { name: 'Yes, it is dealt with' });
    await confirm.waitFor();
    expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await runAxe(page)).toEqual([]);
    await item.getByRole('button', { name: 'Cancel' }).click();
    expect(await mark.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await confirm.focus();
    await page.keyboard.press('Enter');
    const done = page.getByText('Marked as dealt with: Visit', { exact: false });
    await done.waitFor({ timeout: 30_000 });
    await page.getByText('No changes are held back.').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Marked as dealt with');
    expect(await runAxe(page)).toEqual([]);
    // The admin audit says who marked which record (the quarantine keeping it is asserted in scope-changes.test.ts).
    const coordinator = DEMO_SIGN_INS.coordinator;
    const coordLogin = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: coordinator.email, password: coordinator.password, deviceId: newId(), deviceName: 'Held test laptop' }) });
    const audit = await fetch(`${server.url}/api/admin/audit`, { headers: { authorization: `Bearer ${((await coordLogin.json()) as { token: string }).token}` } });
    const { entries } = (await audit.json()) as { entries: { action: string; detail: Record<string, unknown> }[] };
    expect(entries.find((e) => e.action === 'held.dealt-with')?.detail).toMatchObject({ collection: 'visits', documentId: visit.id, authorId: 'u_worker_sam' });
  });

  it('C4: offline, the screen says plainly the list needs a connection', async () => {
    await goOffline(browser.context);
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Devices', exact: true }).click();
    await nav.getByRole('link', { name: 'Held-back changes', exact: true }).click();
    await page.getByText('needs a connection', { exact: false }).first().waitFor({ timeout: 30_000 });
    expect(await runAxe(page)).toEqual([]);
    await goOnline(browser.context);
  });
});
