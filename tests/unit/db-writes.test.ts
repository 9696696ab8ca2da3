/**
 * The local write path (src/db/writes.ts) on real RxDB over fake-indexeddb: every change is a new
 * state with its own writeId (sync.md C2) and is recorded in the outbox.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type ResonanceDatabase } from '#db/database';
import { StorageError } from '#db/errors';
import { createDoc, createDocs, removeDoc, updateDoc } from '#db/writes';

let db: ResonanceDatabase | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

async function open(): Promise<ResonanceDatabase> {
  db = await openDatabase({ name: 'writes', indexedDB: new IDBFactory(), IDBKeyRange, devMode: true });
  return db;
}

describe('local writes', () => {
  it('[C2] stores a client with a fresh writeId per change and records it as unsynced once', async () => {
    const d = await open();
    const c = await createDoc(d, 'clients', { name: 'Ada Lovelace', teamId: 't1', createdBy: 'u1' });
    const updated = await updateDoc(d, 'clients', c.id, { postcode: 'N1 9GU' });
    expect(updated.writeId).not.toBe(c.writeId);
    const stored = await d.clients.findOne(c.id).exec();
    expect(stored?.postcode).toBe('N1 9GU');
    const outbox = await d.outbox.find().exec();
    expect(outbox.map((r) => [r.documentId, r.writeId])).toEqual([[c.id, updated.writeId]]);
  });

  it('[P3][C2] a delete is one new state: soft-deleted with its own writeId', async () => {
    const d = await open();
    const c = await createDoc(d, 'clients', { name: 'Grace Hopper', teamId: 't1', createdBy: 'u1' });
    await removeDoc(d, 'clients', c.id);
    expect(await d.clients.findOne(c.id).exec()).toBeNull();
    const row = await d.outbox.findOne(`clients:${c.id}`).exec();
    expect(row?.writeId).toBeDefined();
    expect(row?.writeId).not.toBe(c.writeId);
  });

  it('rejects a record that fails its schema whole, writing nothing', async () => {
    const d = await open();
    await expect(createDoc(d, 'clients', { name: '', teamId: 't1', createdBy: 'u1' })).rejects.toBeInstanceOf(StorageError);
    expect(await d.clients.count().exec()).toBe(0);
    expect(await d.outbox.count().exec()).toBe(0);
  });

  it('[C2] createDocs stores documents of several collections together, each with its own writeId and outbox row', async () => {
    const d = await open();
    const [client, task] = await createDocs(d, [
      { collection: 'clients', fields: { name: 'Mary Seacole', teamId: 't1', createdBy: 'u1' } },
      { collection: 'tasks', fields: { caseId: 'c1', clientId: 'k1', assignedTo: 'u1', title: 'Call back', due: '2026-01-02', done: false } },
    ]);
    expect(client?.writeId).not.toBe(task?.writeId);
    const rows = await d.outbox.find().exec();
    expect(rows.map((r) => [r.collectionName, r.documentId, r.writeId]).sort()).toEqual(
      [['clients', client?.id, client?.writeId], ['tasks', task?.id, task?.writeId]].sort(),
    );
    expect((await d.tasks.findOne(String(task?.id)).exec())?.title).toBe('Call back');
  });

  it('createDocs with one invalid document stores nothing that counts: the valid one is taken back, no orphan outbox row', async () => {
    const d = await open();
    const attempt = createDocs(d, [
      { collection: 'clients', fields: { name: 'Mary Seacole', teamId: 't1', createdBy: 'u1' } },
      { collection: 'tasks', fields: { caseId: 'c1', clientId: 'k1', assignedTo: 'u1', title: '', due: '2026-01-02', done: false } },
    ]);
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-record' });
    expect(await d.clients.count().exec()).toBe(0);
    expect(await d.tasks.count().exec()).toBe(0);
    // What is left is the removal of the client (a change of its own), never a row for the task.
    const rows = await d.outbox.find().exec();
    expect(rows.map((r) => r.collectionName)).toEqual(['clients']);
  });
});
