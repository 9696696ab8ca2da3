/**
 * Scope and access over HTTP (sync.md A1, A2, C4): pulls carry only what the caller may see, writes
 * they may not make are quarantined as `forbidden`, and conflict answers never leak.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthService } from '../../../sync-server/auth/service';
import { enrolKiosk } from '../../../sync-server/admin/ops';
import { adapters } from './support/adapters';
import { addUser, client, login, pullAll, startHarness, type Client, type Harness } from './support/harness';
import { caseDoc, clientDoc, create, edit, feedbackDoc, taskDoc, update, visitDoc, type Doc } from './support/docs';

const ids = (docs: Doc[]): unknown[] => docs.map((d) => d.id).sort();

describe.each(adapters())('scope and access ($name)', (adapter) => {
  let h: Harness;
  let coord: Client;
  let sam: Client;
  let ola: Client;
  let kiosk: Client;
  let samId: string;
  let olaId: string;
  let coordId: string;
  const north = 'team-north';
  const south = 'team-south';
  let samsClient: Doc;
  let samsCase: Doc;
  let sharedCase: Doc;
  let privateCase: Doc;
  let southCase: Doc;
  let samsVisit: Doc;
  let privateTask: Doc;

  beforeAll(async () => {
    h = await startHarness(adapter);
    await h.server.store.createTeam('North', north);
    await h.server.store.createTeam('South', south);
    coordId = (await addUser(h.server, { email: 'coord@example.org', role: 'coordinator', teamIds: [north, south] })).id;
    samId = (await addUser(h.server, { email: 'sam@example.org', role: 'worker', teamIds: [north] })).id;
    olaId = (await addUser(h.server, { email: 'ola@example.org', role: 'helper', teamIds: [south] })).id;
    [coord, sam, ola] = await Promise.all([login(h.url, 'coord@example.org'), login(h.url, 'sam@example.org'), login(h.url, 'ola@example.org')]);
    const auth = new AuthService(h.server.store, { tokenTtlDays: 30, loginFailuresPerAccount: 10, loginFailuresPerAddress: 30 });
    const { code } = await enrolKiosk(h.server.store, 'Reception', auth);
    const enrolled = await fetch(`${h.url}/api/auth/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceId: 'kiosk-1' }) });
    kiosk = client(h.url, ((await enrolled.json()) as { token: string }).token);

    samsClient = clientDoc({ teamId: north, createdBy: samId, name: 'Registered by Sam' });
    const otherClients = [clientDoc({ teamId: north, createdBy: coordId }), clientDoc({ teamId: north, createdBy: coordId }), clientDoc({ teamId: south, createdBy: coordId })];
    samsCase = caseDoc({ clientId: otherClients[0]?.id, teamId: north, assignedTo: [samId] });
    sharedCase = caseDoc({ clientId: otherClients[1]?.id, teamId: north, assignedTo: [coordId], sharedWithTeam: true });
    privateCase = caseDoc({ clientId: otherClients[2]?.id, teamId: north, assignedTo: [coordId] });
    southCase = caseDoc({ clientId: otherClients[2]?.id, teamId: south, assignedTo: [olaId] });
    await coord.push('clients', otherClients.map(create));
    await sam.push('clients', [create(samsClient)]);
    await coord.push('cases', [samsCase, sharedCase, privateCase, southCase].map(create));
    samsVisit = visitDoc({ caseId: samsCase.id, clientId: samsCase.clientId, by: samId });
    await sam.push('visits', [create(samsVisit)]);
    privateTask = taskDoc({ caseId: privateCase.id, clientId: privateCase.clientId, assignedTo: coordId });
    await coord.push('tasks', [create(privateTask), create(taskDoc({ caseId: sharedCase.id, clientId: sharedCase.clientId, assignedTo: coordId }))]);
    await coord.push('feedback', [create(feedbackDoc({ source: 'worker', by: coordId, caseId: privateCase.id }))]);
  });

  afterAll(async () => {
    await h.close();
  });

  it('[A1] a worker pulls their cases and their team\'s shared cases, never another\'s private case', async () => {
    expect(ids(await pullAll(sam, 'cases'))).toEqual(ids([samsCase, sharedCase]));
    expect(ids(await pullAll(ola, 'cases'))).toEqual(ids([southCase]));
    expect(ids(await pullAll(coord, 'cases'))).toEqual(ids([samsCase, sharedCase, privateCase, southCase]));
  });

  it('[A1] clients, visits and tasks follow the cases in scope; clients a worker registered stay theirs', async () => {
    const clients = await pullAll(sam, 'clients');
    expect(ids(clients)).toEqual([samsClient.id, samsCase.clientId, sharedCase.clientId].sort());
    expect(ids(await pullAll(sam, 'visits'))).toEqual([samsVisit.id]);
    const tasks = await pullAll(sam, 'tasks');
    expect(tasks.map((t) => t.caseId)).toEqual([sharedCase.id]);
    expect(await pullAll(sam, 'feedback')).toEqual([]);
  });

  it('[A1] a scoped pull pages by `limit` over the visible documents and its checkpoint moves past hidden ones', async () => {
    const first = await sam.pull('cases', undefined, 1);
    expect(first.documents).toHaveLength(1);
    const second = await sam.pull('cases', first.checkpoint, 1);
    expect(second.documents).toHaveLength(1);
    const third = await sam.pull('cases', second.checkpoint, 1);
    expect(third.documents).toEqual([]);
    const all = await coord.pull('cases', undefined, 1000);
    expect(third.checkpoint.seq).toBe(all.checkpoint.seq);
  });

  it('[A1] a kiosk pulls nothing at all', async () => {
    for (const collection of ['clients', 'cases', 'visits', 'tasks', 'feedback', 'conflicts']) {
      expect((await kiosk.pull(collection)).documents).toEqual([]);
    }
  });

  it('[A2][C4] a write to a case outside the caller\'s scope is quarantined as forbidden, with a reason', async () => {
    const v = visitDoc({ caseId: privateCase.id, clientId: privateCase.clientId, by: samId });
    const res = await sam.push('visits', [create(v)]);
    expect(await res.json()).toEqual([]);
    expect(res.headers.get('x-resonance-quarantined')).toBe('1');
    const held = (await (await sam.get('/api/quarantine')).json()) as Doc[];
    expect(held).toContainEqual(expect.objectContaining({ documentId: v.id, code: 'forbidden', reason: expect.stringMatching(/no longer on this case/) as unknown }));
    expect((await pullAll(coord, 'visits')).some((d) => d.id === v.id)).toBe(false);
  });

  it('[A2] a forged author (by / createdBy not the caller) is quarantined as forbidden', async () => {
    const forgedVisit = visitDoc({ caseId: samsCase.id, clientId: samsCase.clientId, by: coordId });
    const forgedClient = clientDoc({ teamId: north, createdBy: coordId });
    const r1 = await sam.push('visits', [create(forgedVisit)]);
    const r2 = await sam.push('clients', [create(forgedClient)]);
    expect([r1.headers.get('x-resonance-quarantined'), r2.headers.get('x-resonance-quarantined')]).toEqual(['1', '1']);
    const codes = ((await (await sam.get('/api/quarantine')).json()) as Doc[]).filter((q) => [forgedVisit.id, forgedClient.id].includes(q.documentId)).map((q) => q.code);
    expect(codes).toEqual(['forbidden', 'forbidden']);
  });

  it('[A2] a forged assignedTo is quarantined: a worker cannot put a case on someone else\'s tablet', async () => {
    const pushed = caseDoc({ clientId: samsClient.id, teamId: north, assignedTo: [samId, olaId] });
    const r1 = await sam.push('cases', [create(pushed)]);
    const [current] = await h.server.store.getDocs('cases', [String(samsCase.id)]);
    const base = { ...current?.data, _deleted: false };
    const r2 = await sam.push('cases', [update(base, edit(base, { assignedTo: [samId, olaId] }))]);
    expect([r1.headers.get('x-resonance-quarantined'), r2.headers.get('x-resonance-quarantined')]).toEqual(['1', '1']);
    expect(ids(await pullAll(ola, 'cases'))).toEqual(ids([southCase]));
    const held = (await (await sam.get('/api/quarantine')).json()) as Doc[];
    expect(held.filter((q) => q.documentId === pushed.id || q.documentId === samsCase.id).map((q) => q.code)).toEqual(['forbidden', 'forbidden']);
  });

  it('[A1] a conflict on a document outside the caller\'s scope is never answered with its contents', async () => {
    const hidden = edit(privateTask, { title: 'Guessing' });
    const res = await sam.push('tasks', [update({ ...privateTask, writeId: 'stale' }, hidden)]);
    expect(await res.json()).toEqual([]);
    expect(res.headers.get('x-resonance-quarantined')).toBe('1');
  });

  it('[A2] a kiosk may create anonymous kiosk feedback and nothing else', async () => {
    const ok = feedbackDoc({ source: 'kiosk', rating: 5, comment: 'Lovely staff' });
    const res = await kiosk.push('feedback', [create(ok)]);
    expect(res.headers.get('x-resonance-quarantined')).toBe('0');
    const named = feedbackDoc({ source: 'kiosk', clientId: samsCase.clientId });
    const visit = visitDoc({ caseId: samsCase.id, by: 'kiosk' });
    expect((await kiosk.push('feedback', [create(named)])).headers.get('x-resonance-quarantined')).toBe('1');
    expect((await kiosk.push('visits', [create(visit)])).headers.get('x-resonance-quarantined')).toBe('1');
    expect((await pullAll(coord, 'feedback')).some((d) => d.id === ok.id)).toBe(true);
    expect((await kiosk.pull('feedback')).documents).toEqual([]);
  });
});

describe.each(adapters())('scope changes over HTTP ($name)', (adapter) => {
  let h: Harness;
  let coord: Client;
  let sam: Client;
  let samId: string;
  let coordId: string;

  beforeAll(async () => {
    h = await startHarness(adapter);
    await h.server.store.createTeam('North', 'north');
    coordId = (await addUser(h.server, { email: 'coord@example.org', role: 'coordinator', teamIds: ['north'] })).id;
    samId = (await addUser(h.server, { email: 'sam@example.org', role: 'worker', teamIds: ['north'] })).id;
    [coord, sam] = await Promise.all([login(h.url, 'coord@example.org'), login(h.url, 'sam@example.org')]);
  });

  afterAll(async () => {
    await h.close();
  });

  /** Pulls from `checkpoint` until an empty page; returns the documents and the last checkpoint. */
  async function pullFrom(api: Client, collection: string, checkpoint: unknown, limit = 100) {
    const docs: Doc[] = [];
    let cp = checkpoint;
    for (;;) {
      const page = await api.pull(collection, cp, limit);
      docs.push(...page.documents);
      cp = page.checkpoint;
      if (page.documents.length === 0) return { docs, checkpoint: cp };
    }
  }

  it('[A3] a newly assigned case\'s older visits are sent; a reassigned case\'s visits come back as content-free removals', async () => {
    const cl = clientDoc({ teamId: 'north', createdBy: coordId });
    const k = caseDoc({ clientId: cl.id, teamId: 'north', assignedTo: [coordId] });
    const visits = Array.from({ length: 5 }, (_, i) => visitDoc({ caseId: k.id, clientId: cl.id, by: coordId, notes: `Secret ${i}` }));
    await coord.push('clients', [create(cl)]);
    await coord.push('cases', [create(k)]);
    await coord.push('visits', visits.map(create));
    const start = await pullFrom(sam, 'visits', undefined);
    expect(start.docs).toEqual([]);
    const assigned = edit(k, { assignedTo: [samId] });
    expect(await (await coord.push('cases', [update(k, assigned)])).json()).toEqual([]);
    // Paged at 2 so the catch-up itself spans pages.
    const after = await pullFrom(sam, 'visits', start.checkpoint, 2);
    expect(ids(after.docs)).toEqual(ids(visits));
    expect(after.docs.every((d) => d._deleted === false && String(d.notes).startsWith('Secret'))).toBe(true);
    const [stored] = await h.server.store.getDocs('cases', [String(k.id)]);
    const reassigned = edit({ ...stored?.data, _deleted: false }, { assignedTo: [coordId] });
    expect(await (await coord.push('cases', [update({ ...stored?.data, _deleted: false }, reassigned)])).json()).toEqual([]);
    const removed = await pullFrom(sam, 'visits', after.checkpoint, 2);
    expect(ids(removed.docs)).toEqual(ids(visits));
    for (const d of removed.docs) {
      expect(d._deleted).toBe(true);
      expect(JSON.stringify(d)).not.toContain('Secret');
    }
    const cases = await pullFrom(sam, 'cases', undefined);
    expect(cases.docs).toEqual([]);
    // Nothing was deleted on the server.
    expect((await pullAll(coord, 'visits')).filter((v) => v.caseId === k.id && v._deleted === false)).toHaveLength(5);
    // A later pull from the new checkpoint sends nothing again.
    expect((await sam.pull('visits', removed.checkpoint)).documents).toEqual([]);
  });

  it('[A3] the case document itself comes back as a removal when it leaves the scope', async () => {
    const k = caseDoc({ clientId: 'cl-x', teamId: 'north', assignedTo: [samId] });
    await coord.push('cases', [create(k)]);
    const first = await pullFrom(sam, 'cases', undefined);
    expect(ids(first.docs)).toContain(k.id);
    const [stored] = await h.server.store.getDocs('cases', [String(k.id)]);
    const base = { ...stored?.data, _deleted: false };
    await coord.push('cases', [update(base, edit(base, { assignedTo: [coordId] }))]);
    const next = await pullFrom(sam, 'cases', first.checkpoint);
    expect(next.docs).toEqual([expect.objectContaining({ id: k.id, _deleted: true, assignedTo: [] })]);
  });

  it('[A3] conflict records about a case follow it onto and off the device', async () => {
    const k = caseDoc({ clientId: 'cl-y', teamId: 'north', assignedTo: [coordId] });
    await coord.push('cases', [create(k)]);
    const at = new Date().toISOString();
    const conflict = {
      id: `cf-${String(k.id)}`, writeId: 'w-cf', createdAt: at, clientUpdatedAt: at, _deleted: false,
      collectionName: 'cases', documentId: k.id, field: 'summary', keptValue: '"kept"', losingValue: '"Sensitive losing value"', losingBy: coordId, losingAt: at, status: 'open',
    };
    expect((await coord.push('conflicts', [create(conflict)])).headers.get('x-resonance-quarantined')).toBe('0');
    const start = await pullFrom(sam, 'conflicts', undefined);
    expect(ids(start.docs)).not.toContain(conflict.id);
    const [stored] = await h.server.store.getDocs('cases', [String(k.id)]);
    const base = { ...stored?.data, _deleted: false };
    const assigned = edit(base, { assignedTo: [samId] });
    await coord.push('cases', [update(base, assigned)]);
    const arrived = await pullFrom(sam, 'conflicts', start.checkpoint);
    expect(arrived.docs).toContainEqual(expect.objectContaining({ id: conflict.id, losingValue: '"Sensitive losing value"' }));
    const [again] = await h.server.store.getDocs('cases', [String(k.id)]);
    const base2 = { ...again?.data, _deleted: false };
    await coord.push('cases', [update(base2, edit(base2, { assignedTo: [coordId] }))]);
    const left = await pullFrom(sam, 'conflicts', arrived.checkpoint);
    const removal = left.docs.find((d) => d.id === conflict.id);
    expect(removal).toMatchObject({ _deleted: true });
    expect(JSON.stringify(removal)).not.toContain('Sensitive');
  });

  it('[A3] a coordinator who becomes a worker has everything outside their new scope removed at their next pull', async () => {
    const lee = await addUser(h.server, { email: 'lee@example.org', role: 'coordinator', teamIds: ['north'] });
    const leeApi = await login(h.url, 'lee@example.org');
    const theirs = caseDoc({ clientId: 'cl-lee', teamId: 'north', assignedTo: [lee.id] });
    const other = caseDoc({ clientId: 'cl-other', teamId: 'north', assignedTo: [coordId] });
    await coord.push('cases', [create(theirs), create(other)]);
    const hidden = visitDoc({ caseId: other.id, clientId: other.clientId, by: coordId, notes: 'Not for Lee' });
    const kept = visitDoc({ caseId: theirs.id, clientId: theirs.clientId, by: coordId, notes: 'For Lee' });
    await coord.push('visits', [create(hidden), create(kept)]);
    const asCoordinator = await pullFrom(leeApi, 'visits', undefined, 1000);
    expect(ids(asCoordinator.docs)).toEqual(expect.arrayContaining([hidden.id, kept.id]));
    await h.server.store.updateUser(lee.id, { role: 'worker' });
    const asWorker = await pullFrom(leeApi, 'visits', asCoordinator.checkpoint, 2);
    expect(asWorker.docs.find((d) => d.id === hidden.id)).toMatchObject({ _deleted: true, notes: '' });
    expect(asWorker.docs.find((d) => d.id === kept.id)).toMatchObject({ _deleted: false, notes: 'For Lee' });
    expect(JSON.stringify(asWorker.docs)).not.toContain('Not for Lee');
    expect((await leeApi.pull('visits', asWorker.checkpoint)).documents).toEqual([]);
  });

  it('[A1] a checkpoint with a forged scope fingerprint or cursor is refused', async () => {
    for (const bad of [{ seq: 1, scope: 'x y' }, { seq: 1, c: -1 }, { seq: 1, q: 'a' }, { seq: 1, to: 5 }, { seq: 1, r: 1.5 }]) {
      const res = await sam.get(`/api/sync/v1/visits/0/pull?checkpoint=${encodeURIComponent(JSON.stringify(bad))}`);
      expect(res.status).toBe(400);
    }
  });
});
