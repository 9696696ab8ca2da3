/**
 * Replication over HTTP (sync.md P1, P3, C1-C5, 426): a real server, devices talking fetch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters } from './support/adapters';
import { addUser, errorOf, login, pullAll, startHarness, type Client, type Harness } from './support/harness';
import { caseDoc, create, edit, feedbackDoc, taskDoc, update, visitDoc, type Doc } from './support/docs';

describe.each(adapters())('replication ($name)', (adapter) => {
  let h: Harness;
  let coord: Client;
  let sam: Client;
  let samId: string;
  let coordId: string;
  let myCase: Doc;

  beforeAll(async () => {
    h = await startHarness(adapter);
    const team = await h.server.store.createTeam('Team A', 'team-a');
    coordId = (await addUser(h.server, { email: 'coord@example.org', role: 'coordinator', teamIds: [team.id] })).id;
    samId = (await addUser(h.server, { email: 'sam@example.org', role: 'worker', teamIds: [team.id] })).id;
    coord = await login(h.url, 'coord@example.org');
    sam = await login(h.url, 'sam@example.org');
    myCase = caseDoc({ assignedTo: [samId] });
    expect((await coord.push('cases', [create(myCase)])).status).toBe(200);
  });

  afterAll(async () => {
    await h.close();
  });

  it('[P1] pull returns changes after the checkpoint in commit order, with the checkpoint of the last one', async () => {
    const tasks = [1, 2, 3].map((n) => taskDoc({ caseId: myCase.id, title: `Task ${n}`, assignedTo: samId }));
    for (const t of tasks) expect((await sam.push('tasks', [create(t)])).status).toBe(200);
    const first = await sam.pull('tasks', undefined, 2);
    expect(first.documents.map((d) => d.title)).toEqual(['Task 1', 'Task 2']);
    const second = await sam.pull('tasks', first.checkpoint, 2);
    expect(second.documents.map((d) => d.title)).toEqual(['Task 3']);
    expect(second.checkpoint.seq).toBeGreaterThan(first.checkpoint.seq);
    const third = await sam.pull('tasks', second.checkpoint, 2);
    expect(third).toEqual({ documents: [], checkpoint: second.checkpoint });
    // An edit moves the document after everything committed before it.
    const edited = edit(tasks[0] as Doc, { done: true });
    await sam.push('tasks', [update(tasks[0] as Doc, edited)]);
    const after = await sam.pull('tasks', second.checkpoint, 10);
    expect(after.documents.map((d) => [d.title, d.done])).toEqual([['Task 1', true]]);
  });

  it('[P1] the server caps a page at 1,000 and a missing limit means 100', async () => {
    const res = await coord.get('/api/sync/v1/tasks/0/pull?limit=100000');
    expect(res.status).toBe(200);
    const res2 = await coord.get('/api/sync/v1/tasks/0/pull');
    expect(res2.status).toBe(200);
  });

  it('[P3] a delete is soft and replicates like any change', async () => {
    const t = taskDoc({ caseId: myCase.id, assignedTo: samId });
    await sam.push('tasks', [create(t)]);
    const { checkpoint } = await sam.pull('tasks', undefined, 1000);
    const deleted = { ...edit(t, {}), _deleted: true };
    expect(await (await sam.push('tasks', [update(t, deleted)])).json()).toEqual([]);
    const page = await coord.pull('tasks', checkpoint, 10);
    expect(page.documents).toEqual([expect.objectContaining({ id: t.id, _deleted: true })]);
  });

  it('[C1] a push whose assumed state is stale answers the current server state and writes nothing', async () => {
    const t = taskDoc({ caseId: myCase.id, assignedTo: samId, title: 'Original' });
    await sam.push('tasks', [create(t)]);
    const byCoord = edit(t, { title: 'Coordinator edit' });
    expect(await (await coord.push('tasks', [update(t, byCoord)])).json()).toEqual([]);
    const bySam = edit(t, { done: true });
    const res = await sam.push('tasks', [update(t, bySam)]);
    expect(res.status).toBe(200);
    const conflicts = (await res.json()) as Doc[];
    expect(conflicts).toEqual([expect.objectContaining({ id: t.id, writeId: byCoord.writeId, title: 'Coordinator edit', _deleted: false })]);
    const all = await pullAll(coord, 'tasks');
    expect(all.find((d) => d.id === t.id)).toMatchObject({ writeId: byCoord.writeId, done: false });
  });

  it('[C1] non-conflicting rows of a batch are written even when another row conflicts', async () => {
    const a = taskDoc({ caseId: myCase.id, assignedTo: samId });
    await sam.push('tasks', [create(a)]);
    const fresh = taskDoc({ caseId: myCase.id, assignedTo: samId });
    const res = await sam.push('tasks', [create(edit(a, { title: 'Made offline' })), create(fresh)]);
    expect(((await res.json()) as Doc[]).map((d) => d.id)).toEqual([a.id]);
    expect((await pullAll(sam, 'tasks')).some((d) => d.id === fresh.id)).toBe(true);
  });

  it('[C2] the same push sent twice changes nothing the second time and is not a conflict', async () => {
    const t = taskDoc({ caseId: myCase.id, assignedTo: samId });
    const rows = [create(t)];
    expect(await (await sam.push('tasks', rows)).json()).toEqual([]);
    const before = await pullAll(coord, 'tasks');
    expect(await (await sam.push('tasks', rows)).json()).toEqual([]);
    expect(await pullAll(coord, 'tasks')).toEqual(before);
  });

  it('[C2] rapid successive edits, each pushed separately, never conflict', async () => {
    let state = taskDoc({ caseId: myCase.id, assignedTo: samId });
    await sam.push('tasks', [create(state)]);
    for (let i = 0; i < 5; i++) {
      const next = edit(state, { title: `Edit ${i}` });
      expect(await (await sam.push('tasks', [update(state, next)])).json()).toEqual([]);
      state = next;
    }
    expect((await pullAll(sam, 'tasks')).find((d) => d.id === state.id)).toMatchObject({ title: 'Edit 4' });
  });

  it('[C3] append-only visits never conflict; a changed visit is quarantined as append-only', async () => {
    const v = visitDoc({ caseId: myCase.id, clientId: myCase.clientId, by: samId });
    expect(await (await sam.push('visits', [create(v)])).json()).toEqual([]);
    const retry = await sam.push('visits', [{ assumedMasterState: { ...v, writeId: 'stale' }, newDocumentState: v }]);
    expect(await retry.json()).toEqual([]);
    expect(retry.headers.get('x-resonance-quarantined')).toBe('0');
    const changed = await sam.push('visits', [update(v, edit(v, { notes: 'Changed my mind' }))]);
    expect(await changed.json()).toEqual([]);
    expect(changed.headers.get('x-resonance-quarantined')).toBe('1');
    const held = (await (await sam.get('/api/quarantine')).json()) as Doc[];
    expect(held).toContainEqual(expect.objectContaining({ collection: 'visits', documentId: v.id, code: 'append-only' }));
  });

  it('[C4] a schema-invalid document is quarantined with a plain reason and does not fail the batch', async () => {
    const bad = feedbackDoc({ source: 'worker', rating: 9, by: samId });
    const good = feedbackDoc({ source: 'worker', rating: 5, by: samId });
    const res = await sam.push('feedback', [create(bad), create(good)]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
    expect(res.headers.get('x-resonance-quarantined')).toBe('1');
    const held = (await (await sam.get('/api/quarantine')).json()) as Doc[];
    const item = held.find((q) => q.documentId === bad.id);
    expect(item).toEqual({ collection: 'feedback', documentId: bad.id, writeId: bad.writeId, code: 'invalid', reason: expect.stringMatching(/rating.*at most 5/) as unknown, at: expect.any(String) as unknown });
    const stored = await pullAll(coord, 'feedback');
    expect(stored.map((d) => d.id)).toContain(good.id);
    expect(stored.map((d) => d.id)).not.toContain(bad.id);
    // Another user's quarantine is not theirs to see.
    expect(((await (await coord.get('/api/quarantine')).json()) as Doc[]).some((q) => q.documentId === bad.id)).toBe(false);
  });

  it('[C2][C4] a held-back write sent twice is held once: one quarantine entry, one audit row, and the repeat still says held', async () => {
    const bad = feedbackDoc({ source: 'worker', rating: 7, by: samId });
    const rows = [create(bad)];
    const first = await sam.push('feedback', rows);
    const repeat = await sam.push('feedback', rows);
    // The device that lost the first answer must still learn that its write was held back.
    expect([first.headers.get('x-resonance-quarantined'), repeat.headers.get('x-resonance-quarantined')]).toEqual(['1', '1']);
    const held = ((await (await sam.get('/api/quarantine')).json()) as Doc[]).filter((q) => q.documentId === bad.id);
    expect(held).toHaveLength(1);
    const audit = await h.server.store.listAuditForDocuments([String(bad.id)], 10);
    expect(audit.map((a) => a.action)).toEqual(['quarantine']);
  });

  it('[C5] the server stamps serverUpdatedAt and serverUpdatedBy, whatever the device sent', async () => {
    const t = taskDoc({ caseId: myCase.id, assignedTo: samId, serverUpdatedAt: '2000-01-01T00:00:00.000Z', serverUpdatedBy: coordId });
    const before = Date.now();
    await sam.push('tasks', [create(t)]);
    const stored = (await pullAll(coord, 'tasks')).find((d) => d.id === t.id);
    expect(stored?.serverUpdatedBy).toBe(samId);
    expect(Date.parse(String(stored?.serverUpdatedAt))).toBeGreaterThanOrEqual(before - 1000);
  });

  it('[C4] local fields (_meta, _rev, _attachments) are stripped and _deleted kept as the flag', async () => {
    const t: Doc = { ...taskDoc({ caseId: myCase.id, assignedTo: samId }), _meta: { lwt: 1 }, _rev: '1-abc', _attachments: {} };
    const res = await sam.push('tasks', [create(t)]);
    expect(res.headers.get('x-resonance-quarantined')).toBe('0');
    const stored = (await pullAll(sam, 'tasks')).find((d) => d.id === t.id);
    expect(stored).toBeDefined();
    expect(Object.keys(stored ?? {}).filter((k) => k.startsWith('_'))).toEqual(['_deleted']);
  });

  it('[426] a schema version the server does not accept is answered 426 with the error envelope', async () => {
    const pull = await sam.get('/api/sync/v1/tasks/7/pull');
    expect(await errorOf(pull)).toMatchObject({ status: 426, code: 'schema-version-unsupported', details: { collection: 'tasks', requested: 7, supported: 0 } });
    const push = await sam.post('/api/sync/v1/tasks/7/push', [create(taskDoc({ caseId: myCase.id }))]);
    expect(push.status).toBe(426);
  });

  it('[C5] device health: pulls record the last sync, app version and unsynced backlog', async () => {
    await sam.get('/api/sync/v1/tasks/0/pull', { 'x-resonance-app-version': '9.9.9', 'x-resonance-unsynced': '3' });
    const devices = await h.server.store.listDevices();
    expect(devices.some((d) => d.appVersion === '9.9.9' && d.unsyncedBacklog === 3 && d.lastSyncAt !== null)).toBe(true);
  });
});
