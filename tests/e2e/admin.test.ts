/**
 * The coordinator's management screens in real Chromium against the real server with the demo
 * organisation: add a person (error summary first, then a person who can sign in), revoke a device
 * after a confirm step (the device is then told to wipe, A4), read a client's audit trail from the
 * client page, assign a case to another worker, and the plain offline message of these online-only
 * screens. Each screen is checked with axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_SIGN_INS, DEMO_USERS, caseholders } from '#shared/demo/organisation';
import { generateDemoOrg } from '#shared/demo/generate';
import { goOffline, goOnline, launchBrowser, runAxe, signInAs, startTestServer, type LaunchedBrowser, type TestServer } from '../support/index';
import { AddPersonPage, AssignCasePage, ClientAuditPage, DevicesPage, PeoplePage } from './pages/admin-pages';

const SYNC_TIMEOUT_MS = 90_000;

async function apiLogin(server: TestServer, email: string, password: string, deviceId: string, deviceName: string): Promise<Response> {
  return fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password, deviceId, deviceName }) });
}

/** An open case with a client, and a caseholder of its team not yet on it. */
function caseToReassign() {
  const org = generateDemoOrg();
  for (const c of org.docs.cases) {
    if (c.status !== 'open') continue;
    const candidate = caseholders(c.teamId).find((u) => !c.assignedTo.includes(u.id));
    const client = org.docs.clients.find((x) => x.id === c.clientId);
    if (candidate && client) return { caseId: c.id, clientId: client.id, clientName: client.name, newHolder: candidate.name };
  }
  throw new Error('the demo data has no open case to reassign');
}

describe('coordinator management', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;
  const target = caseToReassign();
  const stamp = String(Date.now() % 100_000).padStart(5, '0');

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

  it('adds a person from People and teams: the error summary first, then a person who can sign in', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'People', exact: true }).click();
    const people = new PeoplePage(page);
    await people.table().waitFor({ timeout: 30_000 });
    await people.row('Sam Whitfield').waitFor();
    expect(await runAxe(page)).toEqual([]);

    await page.getByRole('link', { name: 'Add a person' }).click();
    const form = new AddPersonPage(page);
    await form.waitUntilOpen();
    await page.getByRole('button', { name: 'Add person', exact: true }).click();
    await form.errorSummary().waitFor();
    expect(await form.errorSummary().getByRole('link').allTextContents()).toEqual(['Enter the person’s full name', 'Enter their email address', 'Select a role', 'The first password must be at least 10 characters']);
    expect(await runAxe(page)).toEqual([]);

    const email = `new.worker.${stamp}@riverside.example`;
    await form.fill({ name: `Noor Begum ${stamp}`, email, role: 'Outreach worker', teams: ['Street Outreach'], password: 'river boat lantern' });
    await form.submit();
    await page.getByRole('heading', { level: 1, name: `Noor Begum ${stamp}` }).waitFor({ timeout: 30_000 });
    await page.getByText('Added. They can sign in now').waitFor();
    expect(await runAxe(page)).toEqual([]);

    const signIn = await apiLogin(server, email, 'river boat lantern', `noor-${stamp}`, 'Noor tablet');
    expect(signIn.status).toBe(200);
    expect(((await signIn.json()) as { user: { role: string; teams: { name: string }[] } }).user).toMatchObject({ role: 'worker', teams: [{ name: 'Street Outreach' }] });
  });

  it("changes the new person's role, resets their password, and switches their account off after a confirm step", async () => {
    const name = `Noor Begum ${stamp}`;
    const email = `new.worker.${stamp}@riverside.example`;
    const signIn = await apiLogin(server, email, 'river boat lantern', `noor2-${stamp}`, 'Noor phone');
    const { token } = (await signIn.json()) as { token: string };
    await page.getByRole('heading', { level: 1, name }).waitFor();

    await page.getByRole('group', { name: 'Role' }).getByLabel('Assisted-digital helper', { exact: true }).check();
    await page.getByRole('button', { name: 'Save role and teams' }).click();
    await page.getByText(`Saved ${name}’s role and teams.`).waitFor({ timeout: 30_000 });

    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Reset password' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('harbour kettle meadow');
    await page.getByRole('button', { name: 'Reset password' }).click();
    await page.getByText(`Reset ${name}’s password.`).waitFor({ timeout: 30_000 });
    expect((await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);

    await page.getByRole('button', { name: 'Switch off account' }).click();
    await page.getByRole('button', { name: 'Yes, switch off the account' }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Yes, switch off the account' }).click();
    await page.getByText(`Switched off ${name}’s account.`).waitFor({ timeout: 30_000 });
    expect((await apiLogin(server, email, 'harbour kettle meadow', `noor3-${stamp}`, 'Noor again')).status).toBe(401);
    await page.getByRole('button', { name: 'Switch account back on' }).waitFor();
  });

  it('[A4] revokes a lost device after a confirm step; that device is then told to wipe', async () => {
    const sam = DEMO_USERS.find((u) => u.id === 'u_worker_sam');
    const lost = await apiLogin(server, sam?.email ?? '', DEMO_PASSWORD, `lost-${stamp}`, `Lost tablet ${stamp}`);
    const { token } = (await lost.json()) as { token: string };

    const devices = new DevicesPage(page);
    await devices.open(server.url);
    const lostName = `Lost tablet ${stamp}`;
    // By keyboard: the confirm step takes focus, Cancel gives it back, nothing is revoked until "Yes".
    await devices.revokeButton(lostName).focus();
    await page.keyboard.press('Enter');
    await devices.confirmButton(lostName).waitFor();
    expect(await devices.confirmButton(lostName).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await runAxe(page)).toEqual([]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await devices.revokeButton(lostName).waitFor();
    expect(await devices.revokeButton(lostName).evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    await page.keyboard.press('Enter');
    await devices.confirmButton(lostName).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(`Revoked Lost tablet ${stamp}`).waitFor({ timeout: 30_000 });
    await devices.row(`Lost tablet ${stamp}`).getByText('Revoked', { exact: true }).waitFor();

    const after = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ error: { code: 'device-revoked', details: { wipe: true } } });
  });

  it("shows a client's audit trail, linked from the client page", async () => {
    await page.goto(`${server.url}/clients/${target.clientId}`);
    await page.getByRole('heading', { level: 1, name: target.clientName }).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: /Audit trail/ }).click();
    const audit = new ClientAuditPage(page);
    await audit.waitUntilOpen();
    await audit.table().waitFor({ timeout: 30_000 });
    const rows = audit.table().getByRole('row');
    // The demo seed wrote the client and its case as the coordinator: both are on the trail.
    await rows.filter({ hasText: 'Client details created' }).first().waitFor();
    await rows.filter({ hasText: 'Case created' }).first().waitFor();
    expect(await rows.filter({ hasText: 'Client details created' }).first().textContent()).toContain('Amara Okafor');
    expect(await runAxe(page)).toEqual([]);
  });

  it('assigns a case to another worker: a local write that syncs like any edit, and the audit trail shows it', async () => {
    await page.goto(`${server.url}/cases/${target.caseId}/assign`);
    const assign = new AssignCasePage(page);
    await assign.waitUntilOpen();
    expect(await runAxe(page)).toEqual([]);
    await assign.holders().getByLabel(target.newHolder).check();
    await assign.save();
    await page.getByRole('heading', { level: 1, name: target.clientName }).waitFor({ timeout: 30_000 });
    await page.getByText(new RegExp(`Held by: .*${target.newHolder}`)).first().waitFor();
    await page.getByText('All your records are synced', { exact: true }).waitFor({ timeout: SYNC_TIMEOUT_MS });

    await page.getByRole('link', { name: /Audit trail/ }).click();
    const audit = new ClientAuditPage(page);
    await audit.table().waitFor({ timeout: 30_000 });
    const changed = audit.table().getByRole('row').filter({ hasText: 'Case changed' }).first();
    await changed.waitFor();
    expect(await changed.textContent()).toContain('Amara Okafor');
  });

  it('[A1] a worker has no management links, and a management address shows a plain refusal', async () => {
    const tablet = await launchBrowser();
    try {
      const workerPage = await tablet.context.newPage();
      await workerPage.goto(server.url);
      await signInAs(workerPage, DEMO_SIGN_INS.worker.email, DEMO_SIGN_INS.worker.password);
      const nav = workerPage.getByRole('navigation');
      await nav.getByRole('link', { name: 'Caseload', exact: true }).waitFor({ timeout: 30_000 });
      expect(await nav.getByRole('link', { name: 'People', exact: true }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Devices', exact: true }).count()).toBe(0);
      for (const path of ['/admin/people', '/admin/devices', `/clients/${target.clientId}/audit`]) {
        await workerPage.goto(`${server.url}${path}`);
        await workerPage.getByRole('heading', { level: 1, name: 'This page is for coordinators' }).waitFor({ timeout: 30_000 });
      }
      expect(await runAxe(workerPage)).toEqual([]);
    } finally {
      await tablet.close();
    }
  });

  it('lists recent management changes; says plainly that the management screens need a connection when offline', async () => {
    await page.goto(`${server.url}/admin/people`);
    await new PeoplePage(page).table().waitFor({ timeout: 30_000 });
    // The management changes made above are on the append-only admin trail, newest first.
    const changes = page.getByRole('table', { name: 'Recent management changes' }).getByRole('row');
    await changes.filter({ hasText: `Revoked a device: Lost tablet ${stamp}` }).waitFor({ timeout: 30_000 });
    expect(await changes.filter({ hasText: `Added a person: Noor Begum ${stamp}` }).textContent()).toContain('Amara Okafor');
    expect(await runAxe(page)).toEqual([]);
    await goOffline(browser.context);
    await page.getByRole('navigation').getByRole('link', { name: 'Devices', exact: true }).click();
    await page.getByText('This page needs a connection.').waitFor({ timeout: 30_000 });
    await page.getByText(/You are offline\. Managing people, devices and audit trails needs a connection/).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    // Back online, the screen loads by itself (it listens for the browser's online event).
    await goOnline(browser.context);
    await page.getByRole('table', { name: 'Devices' }).waitFor({ timeout: 30_000 });
  });
});
