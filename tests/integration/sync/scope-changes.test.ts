/**
 * Scope changes reaching real devices (sync.md A3, C4): RxDB devices in worker threads syncing with
 * the real server, while a coordinator assigns, shares, reassigns and closes cases over HTTP.
 * Newly visible cases arrive with their history (client, visits, tasks, feedback older than the
 * device's checkpoint); documents that leave a user's scope leave the device, content included,
 * without being deleted on the server; an offline change to a case that left scope is kept by the
 * server's quarantine and the record still leaves the device.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName } from '#shared/schemas/index';
import { Device, eventually } from '../../support/device/index';
import { adapters } from '../server/support/adapters';
import { PASSWORD, addUser, errorOf, login, pullAll, startHarness, type Client, type Harness } from '../server/support/harness';
import { caseDoc, clientDoc, conflictDoc, create, edit, feedbackDoc, taskDoc, update, visitDoc, type Doc } from '../server/support/docs';

const NORTH = 'north';
const SOUTH = 'south';

describe.each(adapters())('scope changes on devices ($name)', (adapter) => {
  let h: Harness;
  let coord: Client;
  let coordId: string;
  let samId: string;
  let annId: string;
  let olaId: string;
  const devices: Device[] = [];
  let samTab: Device;
  let annTab: Device;
  let olaTab: Device;
  /** The coordinator's view of each case, kept current as the test edits them. */
  const cases = new Map<string, Doc>();

  async function device(name: string, email: string): Promise<Device> {
    const d = new Device(name, h.url);
    devices.push(d);
    await d.signIn(email, PASSWORD);
    await d.awaitInSync();
    return d;
  }

  /** A client with a case and its history (a visit with a private note, a task, feedback), by the coordinator. */
  async function caseWithHistory(label: string, fields: Doc) {
    const client = clientDoc({ teamId: NORTH, createdBy: coordId, name: `Client ${label}` });
    const theCase = caseDoc({ clientId: client.id, teamId: NORTH, ...fields });
    const visit = visitDoc({ caseId: theCase.id, clientId: client.id, by: coordId, notes: `Private note about ${label}` });
    const task = taskDoc({ caseId: theCase.id, clientId: client.id, assignedTo: coordId, title: `Task for ${label}` });
    const feedback = feedbackDoc({ source: 'worker', by: coordId, caseId: theCase.id, clientId: client.id, comment: `Feedback on ${label}` });
    for (const [collection, doc] of [['clients', client], ['cases', theCase], ['visits', visit], ['tasks', task], ['feedback', feedback]] as const) {
      const res = await coord.push(collection, [create(doc)]);
      expect(res.headers.get('x-resonance-quarantined'), `${collection} of ${label} accepted`).toBe('0');
    }
    cases.set(String(theCase.id), theCase);
    return { client, theCase, visit, task, feedback };
  }

  async function changeCase(id: string, changes: Doc): Promise<void> {
    const before = cases.get(id);
    if (!before) throw new Error(`no case ${id}`);
    const after = edit(before, changes);
    const res = await coord.push('cases', [update(before, after)]);
    expect(await res.json()).toEqual([]);
    expect(res.headers.get('x-resonance-quarantined')).toBe('0');
    const [stored] = await h.server.store.getDocs('cases', [id]);
    cases.set(id, { ...stored?.data, _deleted: false });
  }

  const has = async (d: Device, collection: CollectionName, id: unknown): Promise<boolean> => (await d.find(collection)).some((x) => x.id === id);
  const holdsAll = (d: Device, docs: [CollectionName, Doc][]) => async () => (await Promise.all(docs.map(([c, doc]) => has(d, c, doc.id)))).every(Boolean);
  const holdsNone = (d: Device, docs: [CollectionName, Doc][]) => async () => (await Promise.all(docs.map(([c, doc]) => has(d, c, doc.id)))).every((x) => !x);
  const all = (x: Awaited<ReturnType<typeof caseWithHistory>>): [CollectionName, Doc][] => [
    ['clients', x.client],
    ['cases', x.theCase],
    ['visits', x.visit],
    ['tasks', x.task],
    ['feedback', x.feedback],
  ];

  let caseA: Awaited<ReturnType<typeof caseWithHistory>>;
  let caseB: Awaited<ReturnType<typeof caseWithHistory>>;

  beforeAll(async () => {
    h = await startHarness(adapter);
    await h.server.store.createTeam('North', NORTH);
    await h.server.store.createTeam('South', SOUTH);
    coordId = (await addUser(h.server, { email: 'coord@example.org', role: 'coordinator', teamIds: [NORTH, SOUTH] })).id;
    samId = (await addUser(h.server, { email: 'sam@example.org', role: 'worker', teamIds: [NORTH] })).id;
    annId = (await addUser(h.server, { email: 'ann@example.org', role: 'worker', teamIds: [NORTH] })).id;
    olaId = (await addUser(h.server, { email: 'ola@example.org', role: 'helper', teamIds: [SOUTH] })).id;
    coord = await login(h.url, 'coord@example.org');
    caseA = await caseWithHistory('A', { assignedTo: [annId] });
    caseB = await caseWithHistory('B', { assignedTo: [annId] });
    [samTab, annTab, olaTab] = await Promise.all([device('sam-tablet', 'sam@example.org'), device('ann-tablet', 'ann@example.org'), device('ola-tablet', 'ola@example.org')]);
  });

  afterAll(async () => {
    await Promise.all(devices.map((d) => d.close()));
    await h.close();
  });

  it('[A1] each device starts with only its own caseload', async () => {
    expect(await holdsAll(annTab, [...all(caseA), ...all(caseB)])()).toBe(true);
    expect(await holdsNone(samTab, [...all(caseA), ...all(caseB)])()).toBe(true);
    expect(await holdsNone(olaTab, [...all(caseA), ...all(caseB)])()).toBe(true);
  });

  it('[A3] assigning a case brings it to the new assignee\'s device with its history', async () => {
    await changeCase(String(caseA.theCase.id), { assignedTo: [annId, samId] });
    await eventually('case A and its client, visit, task and feedback on Sam\'s tablet', holdsAll(samTab, all(caseA)));
    const visit = (await samTab.find('visits')).find((v) => v.id === caseA.visit.id);
    expect(visit?.notes).toBe('Private note about A');
    expect(await holdsNone(samTab, all(caseB))()).toBe(true);
  });

  it('[A3] sharing a case with the team brings it to teammates, not to other teams', async () => {
    await changeCase(String(caseB.theCase.id), { sharedWithTeam: true });
    await eventually('shared case B with its history on Sam\'s tablet', holdsAll(samTab, all(caseB)));
    await olaTab.syncNow();
    await olaTab.awaitInSync();
    expect(await holdsNone(olaTab, all(caseB))()).toBe(true);
  });

  it('[A3] reassigning a case moves it, history included, from the old assignees\' devices to the new one\'s, deleting nothing on the server', async () => {
    // A value Sam lost on case A's client: it holds the client's details, so it follows the client.
    const lost = conflictDoc({ documentId: caseA.client.id, losingBy: samId, keptBy: annId, losingValue: '"07700 900123 (Sam lost this)"', teamId: NORTH });
    expect((await coord.push('conflicts', [create(lost)])).headers.get('x-resonance-quarantined')).toBe('0');
    await eventually('the conflict about case A\'s client on Sam\'s tablet', async () => has(samTab, 'conflicts', lost.id));
    await changeCase(String(caseA.theCase.id), { assignedTo: [olaId] });
    await eventually('case A with its history on Ola\'s tablet', holdsAll(olaTab, all(caseA)));
    await eventually('case A and its history gone from Sam\'s tablet', holdsNone(samTab, all(caseA)));
    await eventually('case A and its history gone from Ann\'s tablet', holdsNone(annTab, all(caseA)));
    // The device keeps no content of what left: its stored row is an empty deleted stub.
    const raw = await samTab.raw('visits', String(caseA.visit.id));
    expect(raw?._deleted).toBe(true);
    expect(JSON.stringify(raw)).not.toContain('Private note about A');
    expect(JSON.stringify(await samTab.raw('clients', String(caseA.client.id)))).not.toContain('Client A');
    // The conflict Sam lost on that client left his tablet and Ann's too, content and all.
    await eventually('the conflict about case A\'s client gone from Sam\'s and Ann\'s tablets', async () => !(await has(samTab, 'conflicts', lost.id)) && !(await has(annTab, 'conflicts', lost.id)));
    expect(JSON.stringify(await samTab.raw('conflicts', String(lost.id)))).not.toContain('Sam lost this');
    expect(await has(olaTab, 'conflicts', lost.id)).toBe(true);
    // Nothing was deleted on the server.
    const serverVisits = await pullAll(coord, 'visits');
    expect(serverVisits.find((v) => v.id === caseA.visit.id)).toMatchObject({ _deleted: false, notes: 'Private note about A' });
    expect((await pullAll(coord, 'clients')).find((c) => c.id === caseA.client.id)).toMatchObject({ _deleted: false });
    expect((await pullAll(coord, 'conflicts')).find((c) => c.id === lost.id)).toMatchObject({ _deleted: false, losingValue: '"07700 900123 (Sam lost this)"' });
  });

  it('[A3] closing a shared case takes it off teammates\' devices; its assignee keeps it', async () => {
    await changeCase(String(caseB.theCase.id), { status: 'closed', closedAt: new Date().toISOString() });
    await eventually('closed case B gone from Sam\'s tablet (he saw it only as shared)', holdsNone(samTab, all(caseB)));
    await annTab.syncNow();
    await annTab.awaitInSync();
    expect(await holdsAll(annTab, all(caseB))()).toBe(true);
    expect((await annTab.find('cases')).find((c) => c.id === caseB.theCase.id)?.status).toBe('closed');
  });

  it('[A3][C4] an offline change to a case that left scope is kept by the server, and the record still leaves the device', async () => {
    const caseC = await caseWithHistory('C', { assignedTo: [samId] });
    await eventually('case C on Sam\'s tablet', holdsAll(samTab, all(caseC)));
    await samTab.setOffline(true);
    const editedTask = await samTab.update('tasks', String(caseC.task.id), { title: 'Edited offline by Sam' });
    const offlineVisit = await samTab.create('visits', {
      caseId: caseC.theCase.id,
      clientId: caseC.client.id,
      by: samId,
      at: new Date().toISOString(),
      kind: 'phone',
      notes: 'Offline note by Sam',
    });
    await changeCase(String(caseC.theCase.id), { assignedTo: [annId] });
    await samTab.setOffline(false);
    await eventually('case C, the offline visit and the edited task gone from Sam\'s tablet', async () =>
      (await holdsNone(samTab, all(caseC))()) && !(await has(samTab, 'visits', offlineVisit.id)),
    );
    expect(JSON.stringify(await samTab.raw('tasks', String(caseC.task.id)))).not.toContain('Edited offline by Sam');
    expect(JSON.stringify(await samTab.raw('visits', offlineVisit.id))).not.toContain('Offline note by Sam');
    // Both changes are held by the server (C4), with their content, for a coordinator.
    const held = await h.server.store.listQuarantine(samId);
    expect(held).toContainEqual(expect.objectContaining({ documentId: caseC.task.id, writeId: editedTask.writeId, code: 'forbidden' }));
    expect(held).toContainEqual(expect.objectContaining({ documentId: offlineVisit.id, code: 'forbidden' }));
    expect(JSON.stringify(held.find((q) => q.documentId === offlineVisit.id)?.document)).toContain('Offline note by Sam');
    // A coordinator sees both held-back changes, with their content and who made them; a worker may not list them.
    const forCoordinator = (await (await coord.get('/api/sync/v1/held')).json()) as Doc[];
    expect(forCoordinator).toContainEqual(expect.objectContaining({ documentId: offlineVisit.id, authorId: samId, code: 'forbidden' }));
    expect(JSON.stringify(forCoordinator)).toContain('Edited offline by Sam');
    const asWorker = await (await login(h.url, 'ann@example.org')).get('/api/sync/v1/held');
    expect(await errorOf(asWorker)).toMatchObject({ status: 403, code: 'forbidden' });
    // The server's task is unchanged, and the new assignee has it.
    const [task] = await h.server.store.getDocs('tasks', [String(caseC.task.id)]);
    expect(task).toMatchObject({ deleted: false, data: expect.objectContaining({ title: 'Task for C' }) as unknown });
    await eventually('case C with its history on Ann\'s tablet', holdsAll(annTab, all(caseC)));
    // Sam goes on seeing that both changes were held back, with the reason, though the records have left
    // his tablet (C4: shown to its author, never dropped). Nothing else waits to sync.
    await samTab.syncNow();
    await samTab.awaitInSync();
    const outbox = await samTab.outbox();
    expect(outbox.map((r) => r.documentId).sort()).toEqual([String(caseC.task.id), offlineVisit.id].sort());
    for (const row of outbox) expect(row.rejectedReason).toMatch(/no longer on this case/);

    // [C4] A coordinator marks the held visit as dealt with: it leaves the list, stays stored, and is audited.
    const heldVisit = forCoordinator.find((r) => r.documentId === offlineVisit.id);
    const heldId = String(heldVisit?.id);
    expect(heldId).toMatch(/^[1-9][0-9]*$/);
    expect(await errorOf(await (await login(h.url, 'ann@example.org')).post(`/api/admin/held/${heldId}/dealt-with`))).toMatchObject({ status: 403, code: 'forbidden' });
    for (const hostile of ['0', '-1', 'abc', '1e3', '99999999999999999999', '%00', `${heldId}.0`, ' 1']) {
      expect(await errorOf(await coord.post(`/api/admin/held/${encodeURIComponent(hostile)}/dealt-with`)), hostile).toMatchObject({ status: 404, code: 'not-found' });
    }
    expect(((await (await coord.get('/api/sync/v1/held')).json()) as Doc[]).map((r) => r.id)).toContain(heldVisit?.id);
    const done = await coord.post(`/api/admin/held/${heldId}/dealt-with`);
    expect(done.status).toBe(200);
    const waiting = (await (await coord.get('/api/sync/v1/held')).json()) as Doc[];
    expect(waiting.map((r) => r.documentId)).not.toContain(offlineVisit.id);
    expect(waiting.map((r) => r.documentId)).toContain(caseC.task.id);
    expect(await errorOf(await coord.post(`/api/admin/held/${heldId}/dealt-with`))).toMatchObject({ status: 404, code: 'not-found' });
    // Never dropped: the quarantine still holds it with its content.
    expect(JSON.stringify((await h.server.store.listQuarantine(samId)).find((q) => q.documentId === offlineVisit.id)?.document)).toContain('Offline note by Sam');
    const [audited] = (await h.server.store.listAdminAudit(50)).filter((e) => e.action === 'held.dealt-with');
    expect(audited).toMatchObject({ targetType: 'held', targetId: heldId, detail: expect.objectContaining({ collection: 'visits', documentId: offlineVisit.id, authorId: samId }) as unknown });
  });
});
