/**
 * Real RxDB devices (each in its own worker thread, on fake-indexeddb) replicating with the real
 * sync server on a free port, on SQLite and, when TEST_PG_URL is set, PostgreSQL. Each test names
 * the sync.md rule it holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_SIGN_INS, DEMO_USERS } from '#shared/demo/organisation';
import { Device, eventually, type Doc } from '../../support/device/index';
import { startServer, type RunningServer } from '../../../sync-server/main';
import { adapters } from '../server/support/adapters';

describe.each(adapters())('devices syncing through the server on $name', (adapter) => {
  let server: RunningServer;
  let cleanup: () => Promise<void>;
  const devices: Device[] = [];

  beforeAll(async () => {
    const fresh = await adapter.fresh();
    cleanup = fresh.cleanup;
    server = await startServer({ ...fresh.storage, port: 0, host: '127.0.0.1', seedDemo: true, logRequests: false });
  });
  afterAll(async () => {
    await Promise.all(devices.map((d) => d.close()));
    await server.close();
    await cleanup();
  });

  async function device(name: string, login: { email: string; password: string }): Promise<Device> {
    const d = new Device(name, server.url);
    devices.push(d);
    await d.signIn(login.email, login.password);
    await d.awaitInSync();
    return d;
  }

  let tabletA: Device;
  let tabletB: Device;
  let laptop: Device;
  let sharedCase: Doc;

  it('[D1][A1] a signed-in device pulls the caseload its user may see, and only that', async () => {
    tabletA = await device('tablet-a', DEMO_SIGN_INS.worker);
    laptop = await device('laptop', DEMO_SIGN_INS.coordinator);
    const workerClients = await tabletA.find('clients');
    const allClients = await laptop.find('clients');
    expect(workerClients.length).toBeGreaterThan(0);
    expect(allClients.length).toBeGreaterThan(workerClients.length);
    const workerCases = await tabletA.find('cases');
    expect(workerCases.length).toBeGreaterThan(0);
    const cases = workerCases as (Doc & { assignedTo: string[]; sharedWithTeam: boolean })[];
    const found = cases.find((c) => c.sharedWithTeam && c.teamId === 'team_street_outreach');
    expect(found, 'the demo worker has at least one case shared with the team').toBeDefined();
    sharedCase = found as Doc;
  });

  it('[D5] a device says "Up to date" only once its first sync has finished', async () => {
    const first = await tabletA.firstUpToDate();
    expect(first?.clients, 'clients on the device when it first said Up to date').toBe((await tabletA.find('clients')).length);
    const status = await tabletA.status();
    expect(status?.state).toBe('up-to-date');
    expect(status?.lastSyncedAt).not.toBeNull();
  });

  it('[L1] a visit saved on one device appears on another without any manual sync', async () => {
    // Aisha is in Sam's team (Street Outreach), so she sees the cases Sam shares with the team.
    const aisha = DEMO_USERS.find((u) => u.id === 'u_worker_aisha');
    expect(aisha?.teamIds).toContain(sharedCase.teamId);
    tabletB = await device('tablet-b', { email: String(aisha?.email), password: DEMO_PASSWORD });
    const before = Date.now();
    const visit = await tabletA.create('visits', {
      caseId: sharedCase.id,
      clientId: sharedCase.clientId,
      by: tabletA.userId,
      at: new Date().toISOString(),
      kind: 'outreach',
      notes: 'Met at the day centre; wants help with a housing form.',
    });
    await eventually('the visit on tablet B', async () => (await tabletB.get('visits', visit.id)) !== null, 10_000);
    expect(Date.now() - before).toBeLessThan(10_000);
  });

  it('[D2] offline, a device tries nothing; a visit saved then is pushed as soon as it is back online', async () => {
    await tabletA.setOffline(true);
    const tried = await tabletA.offlineAttempts();
    const visit = await tabletA.create('visits', {
      caseId: sharedCase.id,
      clientId: sharedCase.clientId,
      by: tabletA.userId,
      at: new Date().toISOString(),
      kind: 'phone',
      notes: 'Rang while the tablet had no signal.',
    });
    // Five retry periods (the devices retry after 300 ms): a push or pull tried offline would show here.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await tabletA.offlineAttempts(), 'requests tried while offline').toBe(tried);
    expect(await tabletB.get('visits', visit.id)).toBeNull();
    await tabletA.setOffline(false);
    await eventually('the visit saved offline on tablet B', async () => (await tabletB.get('visits', visit.id)) !== null, 10_000);
    expect(await tabletA.offlineAttempts()).toBe(tried);
  });

  it('[C3] edits to different fields of one client made offline on two devices both survive', async () => {
    const client = (await tabletA.get('clients', String(sharedCase.clientId))) as Doc;
    await tabletA.setOffline(true);
    await tabletB.setOffline(true);
    await tabletA.update('clients', client.id, { phone: '07700 900111' });
    await tabletB.update('clients', client.id, { language: 'Polish' });
    await tabletA.setOffline(false);
    await tabletA.awaitInSync();
    await tabletB.setOffline(false);
    await tabletB.awaitInSync();
    await tabletA.syncNow();
    await eventually('both edits on both devices', async () => {
      const a = await tabletA.get('clients', client.id);
      const b = await tabletB.get('clients', client.id);
      return a?.phone === '07700 900111' && a.language === 'Polish' && b?.phone === '07700 900111' && b.language === 'Polish';
    });
  });

  it('[C3] the same field edited on two devices keeps the server value and records the loser for a coordinator', async () => {
    const client = (await tabletA.get('clients', String(sharedCase.clientId))) as Doc;
    await tabletA.setOffline(true);
    await tabletB.setOffline(true);
    await tabletA.update('clients', client.id, { postcode: 'E1 6AN' });
    await tabletB.update('clients', client.id, { postcode: 'N1 9GU' });
    await tabletA.setOffline(false);
    await tabletA.awaitInSync();
    await tabletB.setOffline(false);
    await tabletB.awaitInSync();
    await eventually('the conflict record on the coordinator laptop', async () => {
      const conflicts = await laptop.find('conflicts');
      return conflicts.some((c) => c.documentId === client.id && c.field === 'postcode' && c.losingValue === JSON.stringify('N1 9GU') && c.keptValue === JSON.stringify('E1 6AN'));
    });
    await eventually('both devices agree on the kept value', async () => {
      const a = await tabletA.get('clients', client.id);
      const b = await tabletB.get('clients', client.id);
      return a?.postcode === 'E1 6AN' && b?.postcode === 'E1 6AN';
    });
    const outbox = await tabletB.outbox();
    expect(outbox.filter((r) => r.documentId === client.id)).toEqual([]);
  });

  it('[C4] a record the server will not accept is held aside with a reason and never blocks the rest', async () => {
    // A visit claiming to be by someone else is refused (forged author), the next one goes through.
    const forged = await tabletA.create('visits', {
      caseId: sharedCase.id,
      clientId: sharedCase.clientId,
      by: 'someone-else',
      at: new Date().toISOString(),
      kind: 'phone',
      notes: 'Forged author',
    });
    const good = await tabletA.create('visits', {
      caseId: sharedCase.id,
      clientId: sharedCase.clientId,
      by: tabletA.userId,
      at: new Date().toISOString(),
      kind: 'phone',
      notes: 'Phoned about the appointment.',
    });
    await eventually('the good visit reaches the coordinator', async () => (await laptop.get('visits', good.id)) !== null);
    await eventually('the forged visit is marked with a reason on its device', async () => {
      const row = (await tabletA.outbox()).find((r) => r.documentId === forged.id);
      return typeof row?.rejectedReason === 'string' && row.rejectedReason.length > 0;
    });
    expect(await tabletA.get('visits', forged.id)).not.toBeNull();
    expect(await laptop.get('visits', forged.id)).toBeNull();
  });

  it('[P3] a soft delete replicates like any change', async () => {
    const task = await tabletA.create('tasks', {
      caseId: sharedCase.id,
      clientId: sharedCase.clientId,
      assignedTo: tabletA.userId,
      title: 'Bring the housing form',
      due: '2030-01-01',
      done: false,
    });
    await eventually('the task reaches the laptop', async () => (await laptop.get('tasks', task.id)) !== null);
    await tabletA.remove('tasks', task.id);
    await eventually('the deletion reaches the laptop', async () => (await laptop.get('tasks', task.id)) === null);
    const [stored] = await server.store.getDocs('tasks', [task.id]);
    expect(stored?.deleted, 'kept on the server as a soft delete').toBe(true);
  });
});
