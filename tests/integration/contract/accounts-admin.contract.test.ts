/**
 * The storage contract for coordinator management, run against every adapter: changing a person's
 * role, teams and password; a client's audit trail by document id; the append-only admin audit; and
 * organisation settings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../sync-server/storage/open';
import type { DocWrite, Store } from '../../../sync-server/storage/types';
import { adapters, rawExec } from '../server/support/adapters';

function write(id: string, writeId: string, data: Record<string, unknown>): DocWrite {
  return { id, writeId, deleted: false, data: { id, writeId, ...data }, serverUpdatedAt: new Date().toISOString(), serverUpdatedBy: 'u-w' };
}

async function put(store: Store, collection: 'clients' | 'cases' | 'visits' | 'tasks', writes: DocWrite[], deviceId = 'dev-w'): Promise<void> {
  await store.applyBatch(collection, writes.map((w) => w.id), { userId: 'u-w', deviceId }, () => ({ writes, quarantine: [], result: null }));
}

describe.each(adapters())('storage contract: coordinator management ($name)', (adapter) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let storage: Parameters<typeof openStore>[0];

  beforeAll(async () => {
    const fresh = await adapter.fresh();
    storage = fresh.storage;
    cleanup = fresh.cleanup;
    store = await openStore(storage);
  });

  afterAll(async () => {
    await store.close();
    await cleanup();
  });

  it('changes a role and replaces team membership; sets a new password hash', async () => {
    const north = await store.createTeam('North');
    const south = await store.createTeam('South');
    const user = await store.createUser({ email: 'ann@example.org', name: 'Ann', role: 'worker', passwordHash: 'old', teamIds: [north.id] });
    await store.updateUser(user.id, { role: 'helper' });
    expect(await store.findUserById(user.id)).toMatchObject({ role: 'helper', teamIds: [north.id] });
    await store.updateUser(user.id, { teamIds: [south.id, south.id] });
    expect(await store.findUserById(user.id)).toMatchObject({ role: 'helper', teamIds: [south.id] });
    await store.updateUser(user.id, { teamIds: [] });
    expect((await store.findUserById(user.id))?.teamIds).toEqual([]);
    await store.setPasswordHash(user.id, 'new');
    expect((await store.findUserById(user.id))?.passwordHash).toBe('new');
  });

  it('a failed team change leaves the old membership whole (one transaction)', async () => {
    const team = await store.createTeam('East');
    const user = await store.createUser({ email: 'bo@example.org', name: 'Bo', role: 'worker', passwordHash: 'h', teamIds: [team.id] });
    await expect(store.updateUser(user.id, { role: 'coordinator', teamIds: ['no-such-team'] })).rejects.toThrow();
    expect(await store.findUserById(user.id)).toMatchObject({ role: 'worker', teamIds: [team.id] });
  });

  it("finds a client's records (the client, what names it, what belongs to its cases) and their audit rows, newest first", async () => {
    await put(store, 'clients', [write('cl-1', 'w1', { name: 'Alex', teamId: 't' }), write('cl-2', 'w1', { name: 'Other', teamId: 't' })]);
    await put(store, 'cases', [write('ca-1', 'w1', { clientId: 'cl-1', teamId: 't', assignedTo: [] }), write('ca-2', 'w1', { clientId: 'cl-2', teamId: 't', assignedTo: [] })]);
    // A task with only a caseId still belongs to the client through its case.
    await put(store, 'tasks', [write('ta-1', 'w1', { caseId: 'ca-1', assignedTo: 'u-w' }), write('ta-2', 'w1', { caseId: 'ca-2', assignedTo: 'u-w' })]);
    await put(store, 'visits', [write('vi-1', 'w1', { caseId: 'ca-1', clientId: 'cl-1', by: 'u-w' })], 'dev-2');
    await put(store, 'clients', [write('cl-1', 'w2', { name: 'Alex B', teamId: 't' })], 'dev-3');

    const records = await store.clientRecordIds('cl-1');
    expect(records).toEqual([
      { collection: 'cases', id: 'ca-1' },
      { collection: 'clients', id: 'cl-1' },
      { collection: 'tasks', id: 'ta-1' },
      { collection: 'visits', id: 'vi-1' },
    ]);
    expect(await store.clientRecordIds('nobody')).toEqual([]);

    const audit = await store.listAuditForDocuments(records.map((r) => r.id), 100);
    expect(audit.map((a) => [a.documentId, a.writeId, a.action, a.deviceId])).toEqual([
      ['cl-1', 'w2', 'update', 'dev-3'],
      ['vi-1', 'w1', 'create', 'dev-2'],
      ['ta-1', 'w1', 'create', 'dev-w'],
      ['ca-1', 'w1', 'create', 'dev-w'],
      ['cl-1', 'w1', 'create', 'dev-w'],
    ]);
    expect(audit.every((a) => a.userId === 'u-w' && !Number.isNaN(Date.parse(a.at)))).toBe(true);
    expect(await store.listAuditForDocuments(['cl-1'], 1)).toHaveLength(1);
    expect(await store.listAuditForDocuments([], 10)).toEqual([]);
    // A hostile id is just an id: it matches nothing and breaks nothing.
    expect(await store.listAuditForDocuments(["x' OR 1=1 --", '%'], 10)).toEqual([]);
  });

  it('reads audit rows for thousands of ids in one call', async () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `many-${i}`);
    expect(await store.listAuditForDocuments([...ids, 'cl-2'], 10)).toHaveLength(1);
  });

  it('keeps admin actions newest first, and the database refuses to change or delete them', async () => {
    await store.appendAdminAudit({ actorId: 'coord', deviceId: 'dev-c', action: 'user.add', targetType: 'user', targetId: 'u1', detail: { name: 'Ann' } });
    await store.appendAdminAudit({ actorId: 'cli', deviceId: null, action: 'device.revoke', targetType: 'device', targetId: 'd1', detail: {} });
    const entries = await store.listAdminAudit(10);
    expect(entries.map((e) => e.action)).toEqual(['device.revoke', 'user.add']);
    expect(entries[1]).toMatchObject({ actorId: 'coord', deviceId: 'dev-c', targetType: 'user', targetId: 'u1', detail: { name: 'Ann' } });
    expect(await store.listAdminAudit(1)).toHaveLength(1);
    await expect(rawExec(storage, "UPDATE admin_audit SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(rawExec(storage, 'DELETE FROM admin_audit')).rejects.toThrow(/append-only/);
    expect(await store.listAdminAudit(10)).toHaveLength(2);
  });

  it('stores settings by key, replacing the old value', async () => {
    expect(await store.getSetting('idleLockMinutes')).toBeNull();
    await store.setSetting('idleLockMinutes', '7');
    await store.setSetting('idleLockMinutes', '9');
    expect(await store.getSetting('idleLockMinutes')).toBe('9');
    expect(await store.getSetting('other')).toBeNull();
  });
});
