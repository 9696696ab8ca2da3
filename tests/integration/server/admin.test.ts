/**
 * The coordinator's management routes against the real server on both adapters: people and teams,
 * devices and revocation (A4, the live stream closes at once), a client's audit trail, the idle-lock
 * setting, the admin audit. Every route refuses workers, helpers and kiosks (A1); wrong, missing,
 * huge and hostile input gets a plain-English 400 and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthService } from '../../../sync-server/auth/service';
import { enrolKiosk } from '../../../sync-server/admin/ops';
import { adapters } from './support/adapters';
import { caseDoc, clientDoc, create, edit, taskDoc, update, visitDoc } from './support/docs';
import { PASSWORD, addUser, client, errorOf, login, startHarness, type Client, type Harness } from './support/harness';
import { openStream } from './support/sse';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

function call(url: string, api: Client | null, method: Method, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (api) headers.authorization = `Bearer ${api.token}`;
  return fetch(`${url}${path}`, { method, headers, body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body) });
}

interface Person {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  teamIds: string[];
}

describe.each(adapters())('coordinator management ($name)', (adapter) => {
  let h: Harness;
  let coord: Client;
  let worker: Client;
  let helper: Client;
  let kiosk: Client;
  let coordId: string;
  let workerId: string;
  let north: string;
  let south: string;
  const req = (api: Client | null, method: Method, path: string, body?: unknown) => call(h.url, api, method, path, body);
  const people = async (): Promise<{ users: Person[]; teams: { id: string; name: string }[] }> => (await (await req(coord, 'GET', '/api/admin/people')).json()) as never;
  const adminAudit = async (): Promise<{ action: string; actorId: string; actorName: string; targetId: string; detail: Record<string, unknown> }[]> =>
    ((await (await req(coord, 'GET', '/api/admin/audit')).json()) as { entries: never[] }).entries;

  beforeAll(async () => {
    h = await startHarness(adapter, { heartbeatMs: 200 });
    north = (await h.server.store.createTeam('North')).id;
    south = (await h.server.store.createTeam('South')).id;
    coordId = (await addUser(h.server, { email: 'coord@example.org', name: 'Cora', role: 'coordinator', teamIds: [north] })).id;
    workerId = (await addUser(h.server, { email: 'sam@example.org', name: 'Sam', role: 'worker', teamIds: [north] })).id;
    await addUser(h.server, { email: 'ola@example.org', name: 'Ola', role: 'helper', teamIds: [south] });
    [coord, worker, helper] = await Promise.all([
      login(h.url, 'coord@example.org', PASSWORD, 'coord-tab'),
      login(h.url, 'sam@example.org', PASSWORD, 'sam-tab'),
      login(h.url, 'ola@example.org', PASSWORD, 'ola-tab'),
    ]);
    const auth = new AuthService(h.server.store, { tokenTtlDays: 30, loginFailuresPerAccount: 10, loginFailuresPerAddress: 30 });
    const { code } = await enrolKiosk(h.server.store, 'Reception', auth);
    const enrolled = await call(h.url, null, 'POST', '/api/auth/enrol', { code, deviceId: 'kiosk-1' });
    kiosk = client(h.url, ((await enrolled.json()) as { token: string }).token);
  });

  afterAll(async () => {
    await h.close();
  });

  const ROUTES: [Method, string, unknown?][] = [
    ['GET', '/api/admin/people'],
    ['POST', '/api/admin/people', { name: 'X', email: 'x@example.org', role: 'worker', teamIds: [], password: 'a-long-enough-password' }],
    ['PATCH', '/api/admin/people/ID', { role: 'coordinator' }],
    ['POST', '/api/admin/people/ID/deactivate'],
    ['POST', '/api/admin/people/ID/reactivate'],
    ['POST', '/api/admin/people/ID/password', { password: 'a-long-enough-password' }],
    ['POST', '/api/admin/teams', { name: 'Sneaky team' }],
    ['GET', '/api/admin/devices'],
    ['POST', '/api/admin/devices/coord-tab/revoke'],
    ['GET', '/api/admin/clients/some-client/audit'],
    ['GET', '/api/admin/audit'],
    ['PUT', '/api/admin/settings', { idleLockMinutes: 30 }],
  ];

  it('[A1] every admin route answers 403 to a worker, a helper and a kiosk, 401 without a token, and changes nothing', async () => {
    const before = { people: await people(), devices: (await (await req(coord, 'GET', '/api/admin/devices')).json()) as unknown, audit: await adminAudit() };
    for (const [method, path, body] of ROUTES) {
      const target = path.replace('ID', workerId);
      for (const who of [worker, helper, kiosk]) {
        const res = await req(who, method, target, body);
        expect({ path: target, ...(await errorOf(res)) }).toMatchObject({ path: target, status: 403, code: 'forbidden', message: expect.stringMatching(/Only a coordinator/) as unknown });
      }
      expect((await errorOf(await req(null, method, target, body))).status).toBe(401);
    }
    expect(await people()).toEqual(before.people);
    expect(await (await req(coord, 'GET', '/api/admin/devices')).json()).toEqual(before.devices);
    expect(await adminAudit()).toEqual(before.audit);
    expect((await (await req(worker, 'GET', '/api/me')).json()) as object).toMatchObject({ user: { role: 'worker' } });
  });

  it('lists people with their role, teams and state, never a password hash; kiosks are devices, not people', async () => {
    const res = await req(coord, 'GET', '/api/admin/people');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await people();
    expect(body.teams.map((t) => t.name)).toEqual(['North', 'South']);
    expect(body.users.map((u) => u.name).sort()).toEqual(['Cora', 'Ola', 'Sam']);
    expect(body.users.find((u) => u.id === workerId)).toMatchObject({ email: 'sam@example.org', role: 'worker', active: true, teamIds: [north] });
    expect(JSON.stringify(body)).not.toMatch(/scrypt|passwordHash/);
  });

  it('adds a person who can sign in at once, and records who added them', async () => {
    const res = await req(coord, 'POST', '/api/admin/people', { name: ' Pat Lee ', email: 'Pat@Example.org', role: 'helper', teamIds: [north, south], password: 'three random words' });
    expect(res.status).toBe(201);
    const { user } = (await res.json()) as { user: Person };
    expect(user).toMatchObject({ name: 'Pat Lee', email: 'pat@example.org', role: 'helper', active: true, teamIds: [north, south].sort() });
    const pat = await login(h.url, 'pat@example.org', 'three random words');
    expect(await (await pat.get('/api/me')).json()).toMatchObject({ user: { name: 'Pat Lee', role: 'helper' } });
    expect((await adminAudit())[0]).toMatchObject({ action: 'user.add', actorId: coordId, actorName: 'Cora', targetId: user.id });
    expect(JSON.stringify(await adminAudit())).not.toContain('three random words');
  });

  it('refuses wrong, missing, huge and hostile new people with a plain reason, adding nobody', async () => {
    const good = { name: 'New Person', email: 'new@example.org', role: 'worker', teamIds: [north], password: 'a-long-enough-password' };
    const cases: [unknown, RegExp, string | null][] = [
      [{ ...good, name: undefined }, /name is required/i, 'name'],
      [{ ...good, name: '   ' }, /name is required/i, 'name'],
      [{ ...good, name: 'x'.repeat(10_000) }, /too long/, 'name'],
      [{ ...good, name: { $ne: null } }, /must be text/, 'name'],
      [{ ...good, email: 'not-an-email' }, /not an email address/, 'email'],
      [{ ...good, email: 'coord@example.org' }, /already exists/, 'email'],
      [{ ...good, role: 'kiosk' }, /role must be one of coordinator, worker, helper/, 'role'],
      [{ ...good, role: 'admin' }, /role must be one of/, 'role'],
      [{ ...good, role: ['coordinator'] }, /must be text/, 'role'],
      [{ ...good, teamIds: ['no-such-team'] }, /no team with the id/, 'teamIds'],
      [{ ...good, teamIds: 'team' }, /list of team ids/, 'teamIds'],
      [{ ...good, teamIds: ["x' OR 1=1 --"] }, /list of team ids/, 'teamIds'],
      [{ ...good, teamIds: Array.from({ length: 101 }, () => north) }, /at most 100 teams/, 'teamIds'],
      [{ ...good, password: 'short' }, /at least 10 characters/, 'password'],
      [{ ...good, password: 'p'.repeat(999) }, /at most 200 characters/, 'password'],
      [{ ...good, password: undefined }, /password is required/i, 'password'],
      [[good], /must be a JSON object/, null],
      [null, /must be a JSON object/, null],
    ];
    for (const [body, message, field] of cases) {
      const error = await errorOf(await req(coord, 'POST', '/api/admin/people', body));
      expect({ body, ...error }).toMatchObject({ status: 400, code: 'bad-request', message: expect.stringMatching(message) as unknown, details: field ? { field } : null });
    }
    expect(await errorOf(await req(coord, 'POST', '/api/admin/people', '{"name": '))).toMatchObject({ status: 400, code: 'malformed-json' });
    expect(await errorOf(await req(coord, 'POST', '/api/admin/people', JSON.stringify({ ...good, name: 'x'.repeat(6 * 1024 * 1024) })))).toMatchObject({ status: 413, code: 'payload-too-large' });
    expect((await people()).users.some((u) => u.email === 'new@example.org')).toBe(false);
    expect(await h.server.store.findUserByEmail('new@example.org')).toBeNull();
  });

  it('changes a role and teams; refuses unknown people, bad roles and a coordinator demoting themselves, changing nothing', async () => {
    const target = (await addUser(h.server, { email: 'mo@example.org', name: 'Mo', role: 'worker', teamIds: [north] })).id;
    const changed = await req(coord, 'PATCH', `/api/admin/people/${target}`, { role: 'coordinator', teamIds: [south] });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { user: Person }).user).toMatchObject({ role: 'coordinator', teamIds: [south] });
    const teamsOnly = await req(coord, 'PATCH', `/api/admin/people/${target}`, { teamIds: [] });
    expect(((await teamsOnly.json()) as { user: Person }).user).toMatchObject({ role: 'coordinator', teamIds: [] });
    const audit = (await adminAudit()).filter((e) => e.targetId === target);
    expect(audit.map((e) => e.action)).toEqual(['user.change', 'user.change']);
    expect(audit[1]?.detail).toMatchObject({ role: 'coordinator', previousRole: 'worker', teamIds: [south], previousTeamIds: [north] });

    const before = await people();
    const bad: [string, unknown, number, RegExp][] = [
      [`/api/admin/people/${target}`, { role: 'kiosk' }, 400, /role must be one of/],
      [`/api/admin/people/${target}`, { role: 'worker', teamIds: ['nope'] }, 400, /no team with the id/],
      [`/api/admin/people/${target}`, {}, 400, /Nothing to change/],
      [`/api/admin/people/${target}`, { teamIds: [{}] }, 400, /list of team ids/],
      [`/api/admin/people/${coordId}`, { role: 'worker' }, 400, /cannot take the coordinator role away from yourself/],
      ['/api/admin/people/nobody', { role: 'worker' }, 404, /no person with that id/],
      [`/api/admin/people/${encodeURIComponent('../../etc')}`, { role: 'worker' }, 404, /no person with that id/],
      [`/api/admin/people/${'a'.repeat(500)}`, { role: 'worker' }, 404, /no person with that id/],
    ];
    for (const [path, body, status, message] of bad) {
      expect({ path, ...(await errorOf(await req(coord, 'PATCH', path, body))) }).toMatchObject({ status, message: expect.stringMatching(message) as unknown });
    }
    expect(await people()).toEqual(before);
  });

  it('[A4] deactivating signs the person out everywhere and closes their live stream at once; reactivating lets them sign in again', async () => {
    await addUser(h.server, { email: 'leaver@example.org', name: 'Lee', role: 'worker', teamIds: [north] });
    const api = await login(h.url, 'leaver@example.org');
    const leaverId = ((await (await api.get('/api/me')).json()) as { user: { id: string } }).user.id;
    const stream = await openStream(h.url, api.token);
    await stream.next((e) => e.event === 'hello', 3000, 0);
    const from = stream.events.length;
    const res = await req(coord, 'POST', `/api/admin/people/${leaverId}/deactivate`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: Person }).user.active).toBe(false);
    const event = await stream.next((e) => e.event === 'error', 3000, from);
    expect(event.data).toMatchObject({ error: { code: 'user-revoked', details: { wipe: true } } });
    await stream.ended;
    expect(await errorOf(await api.get('/api/me'))).toMatchObject({ status: 401, code: 'user-revoked' });
    expect((await h.server.store.findUserById(leaverId))?.active).toBe(false);

    expect((await req(coord, 'POST', `/api/admin/people/${leaverId}/reactivate`)).status).toBe(200);
    const back = await login(h.url, 'leaver@example.org');
    expect((await back.get('/api/me')).status).toBe(200);
    expect((await adminAudit()).slice(0, 2).map((e) => e.action)).toEqual(['user.reactivate', 'user.deactivate']);

    expect(await errorOf(await req(coord, 'POST', `/api/admin/people/${coordId}/deactivate`))).toMatchObject({ status: 400, message: expect.stringMatching(/cannot switch off your own account/) as unknown });
    expect(await errorOf(await req(coord, 'POST', '/api/admin/people/nobody/deactivate'))).toMatchObject({ status: 404 });
    expect((await h.server.store.findUserById(coordId))?.active).toBe(true);
  });

  it('[A4] resetting a password revokes every token of the person; a bad new password changes nothing', async () => {
    await addUser(h.server, { email: 'forgot@example.org', name: 'Fay', role: 'helper', teamIds: [south] });
    const api = await login(h.url, 'forgot@example.org');
    const id = ((await (await api.get('/api/me')).json()) as { user: { id: string } }).user.id;
    for (const [body, message] of [[{ password: 'short' }, /at least 10/], [{ password: 12345678901 }, /must be text/], [{}, /password is required/i], [{ password: 'x'.repeat(2000) }, /too long/]] as const) {
      expect(await errorOf(await req(coord, 'POST', `/api/admin/people/${id}/password`, body))).toMatchObject({ status: 400, message: expect.stringMatching(message) as unknown });
    }
    expect((await api.get('/api/me')).status).toBe(200);
    expect(await (await login(h.url, 'forgot@example.org')).get('/api/me')).toHaveProperty('status', 200);

    expect((await req(coord, 'POST', `/api/admin/people/${id}/password`, { password: 'a brand new pass phrase' })).status).toBe(200);
    expect(await errorOf(await api.get('/api/me'))).toMatchObject({ status: 401, code: 'unauthenticated' });
    await expect(login(h.url, 'forgot@example.org')).rejects.toThrow(/401/);
    expect((await (await login(h.url, 'forgot@example.org', 'a brand new pass phrase')).get('/api/me')).status).toBe(200);
    expect(JSON.stringify(await adminAudit())).not.toContain('a brand new pass phrase');
  });

  it('adds a team; refuses a duplicate, an empty or a huge name', async () => {
    const res = await req(coord, 'POST', '/api/admin/teams', { name: ' West ' });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { team: { name: string } }).team.name).toBe('West');
    for (const [body, message] of [[{ name: 'West' }, /already exists/], [{ name: '' }, /required/], [{ name: 'x'.repeat(101) }, /too long/], [{ name: 7 }, /must be text/]] as const) {
      expect(await errorOf(await req(coord, 'POST', '/api/admin/teams', body))).toMatchObject({ status: 400, message: expect.stringMatching(message) as unknown });
    }
    expect((await people()).teams.map((t) => t.name)).toEqual(['North', 'South', 'West']);
  });

  it('[A4] lists devices with user, version, last sync and backlog; revoking one tells it to wipe and closes its stream at once', async () => {
    await h.server.store.recordSync('sam-tab', new Date().toISOString(), '1.4.0', 3);
    const listed = (await (await req(coord, 'GET', '/api/admin/devices')).json()) as { devices: Record<string, unknown>[] };
    expect(listed.devices.find((d) => d.id === 'sam-tab')).toMatchObject({ userId: workerId, userName: 'Sam', role: 'worker', appVersion: '1.4.0', unsyncedBacklog: 3, revoked: false, current: false });
    expect(listed.devices.find((d) => d.id === 'coord-tab')).toMatchObject({ current: true });
    expect(listed.devices.find((d) => d.id === 'kiosk-1')).toMatchObject({ userName: 'Reception', role: 'kiosk' });

    const stream = await openStream(h.url, worker.token);
    await stream.next((e) => e.event === 'hello', 3000, 0);
    const from = stream.events.length;
    expect((await req(coord, 'POST', '/api/admin/devices/sam-tab/revoke')).status).toBe(200);
    const event = await stream.next((e) => e.event === 'error', 3000, from);
    expect(event.data).toMatchObject({ error: { code: 'device-revoked', details: { wipe: true } } });
    expect(await errorOf(await worker.get('/api/me'))).toMatchObject({ status: 401, code: 'device-revoked', details: { wipe: true } });
    const after = (await (await req(coord, 'GET', '/api/admin/devices')).json()) as { devices: Record<string, unknown>[] };
    expect(after.devices.find((d) => d.id === 'sam-tab')).toMatchObject({ revoked: true });
    expect((await adminAudit())[0]).toMatchObject({ action: 'device.revoke', targetId: 'sam-tab', actorName: 'Cora' });

    expect(await errorOf(await req(coord, 'POST', '/api/admin/devices/no-such-tab/revoke'))).toMatchObject({ status: 404, message: expect.stringMatching(/no device with the id/) as unknown });
    expect(await errorOf(await req(coord, 'POST', '/api/admin/devices/coord-tab/revoke'))).toMatchObject({ status: 400, message: expect.stringMatching(/device you are using now/) as unknown });
    expect(await errorOf(await req(coord, 'POST', `/api/admin/devices/${encodeURIComponent("x' OR '1'='1")}/revoke`))).toMatchObject({ status: 404 });
    expect((await h.server.store.getDevice('coord-tab'))?.revoked).toBe(false);
    worker = await login(h.url, 'sam@example.org', PASSWORD, 'sam-tab-2');
  });

  it("shows a client's audit trail: who wrote what, when and from which device, for the client and its cases' records", async () => {
    const alex = clientDoc({ teamId: north, createdBy: workerId, name: 'Alex' });
    const other = clientDoc({ teamId: north, createdBy: workerId, name: 'Other' });
    const theCase = caseDoc({ clientId: alex.id, teamId: north, assignedTo: [workerId] });
    const visit = visitDoc({ caseId: theCase.id, clientId: alex.id, by: workerId });
    const task = taskDoc({ caseId: theCase.id, clientId: alex.id, assignedTo: workerId });
    expect((await worker.push('clients', [create(alex), create(other)])).status).toBe(200);
    expect((await coord.push('cases', [create(theCase)])).status).toBe(200);
    expect((await worker.push('visits', [create(visit)])).status).toBe(200);
    expect((await worker.push('tasks', [create(task)])).status).toBe(200);
    const renamed = edit(alex, { name: 'Alex B' });
    expect((await coord.push('clients', [update(alex, renamed)])).status).toBe(200);

    const res = await req(coord, 'GET', `/api/admin/clients/${alex.id as string}/audit`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { clientId: string; truncated: boolean; entries: Record<string, unknown>[] };
    expect(body.truncated).toBe(false);
    expect(body.entries.map((e) => [e.collection, e.action, e.userName, e.deviceName])).toEqual([
      ['clients', 'update', 'Cora', 'Test tablet'],
      ['tasks', 'create', 'Sam', 'Test tablet'],
      ['visits', 'create', 'Sam', 'Test tablet'],
      ['cases', 'create', 'Cora', 'Test tablet'],
      ['clients', 'create', 'Sam', 'Test tablet'],
    ]);
    expect(body.entries[0]).toMatchObject({ documentId: alex.id, writeId: renamed.writeId, userId: coordId, deviceId: 'coord-tab' });
    expect(body.entries.every((e) => typeof e.at === 'string' && !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect(JSON.stringify(body)).not.toContain(other.id as string);

    expect(await errorOf(await req(coord, 'GET', '/api/admin/clients/never-synced/audit'))).toMatchObject({ status: 404, message: expect.stringMatching(/no record of this client yet/) as unknown });
    expect(await errorOf(await req(coord, 'GET', `/api/admin/clients/${encodeURIComponent('%')}/audit`))).toMatchObject({ status: 404 });
    expect((await req(worker, 'GET', `/api/admin/clients/${alex.id as string}/audit`)).status).toBe(403);
  });

  it('serves the idle-lock setting (default 5) to signed-in staff; only a coordinator changes it, within 1 to 60 minutes', async () => {
    expect(await (await req(worker, 'GET', '/api/settings')).json()).toEqual({ idleLockMinutes: 5 });
    expect(await errorOf(await req(kiosk, 'GET', '/api/settings'))).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await req(null, 'GET', '/api/settings')).status).toBe(401);
    const put = await req(coord, 'PUT', '/api/admin/settings', { idleLockMinutes: 12 });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ idleLockMinutes: 12 });
    expect(await (await req(helper, 'GET', '/api/settings')).json()).toEqual({ idleLockMinutes: 12 });
    for (const body of [{ idleLockMinutes: 0 }, { idleLockMinutes: 61 }, { idleLockMinutes: 5.5 }, { idleLockMinutes: '10' }, { idleLockMinutes: null }, {}, { idleLockMinutes: 1e308 }, [12]]) {
      const error = await errorOf(await req(coord, 'PUT', '/api/admin/settings', body));
      expect({ body, ...error }).toMatchObject({ status: 400, code: 'bad-request' });
      if (!Array.isArray(body)) expect(error.message).toMatch(/whole number of minutes from 1 to 60/);
    }
    expect(await (await req(worker, 'GET', '/api/settings')).json()).toEqual({ idleLockMinutes: 12 });
    expect((await adminAudit())[0]).toMatchObject({ action: 'settings.update', detail: { idleLockMinutes: 12, previous: 5 } });
    expect((await req(coord, 'PUT', '/api/admin/settings', { idleLockMinutes: 60 })).status).toBe(200);
    expect((await req(coord, 'PUT', '/api/admin/settings', { idleLockMinutes: 1 })).status).toBe(200);
    expect(await (await req(worker, 'GET', '/api/settings')).json()).toEqual({ idleLockMinutes: 1 });
  });

  it('an unknown admin route is a 404 envelope for a coordinator', async () => {
    expect(await errorOf(await req(coord, 'GET', '/api/admin/nothing-here'))).toMatchObject({ status: 404, code: 'not-found' });
  });
});
