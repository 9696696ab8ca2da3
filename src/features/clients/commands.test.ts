/** Editing a client's details on real RxDB over fake-indexeddb: only the patch is written, cleared fields go. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type ResonanceDatabase } from '#db/database';
import { createDoc } from '#db/writes';
import { updateClientDetails } from './commands';

let db: ResonanceDatabase | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

describe('updateClientDetails', () => {
  it('writes the changed fields, removes emptied ones, and records the change in the outbox', async () => {
    db = await openDatabase({ name: 'edit-client', indexedDB: new IDBFactory(), IDBKeyRange, devMode: true });
    const client = await createDoc(db, 'clients', { name: 'Maya Patel', teamId: 't1', createdBy: 'u1', phone: '07700 900001', language: 'English' });
    await db.outbox.find().remove();
    const saved = await updateClientDetails(db, client.id, { language: 'Polish', phone: undefined });
    expect(saved).toEqual({ ok: true, value: 2 });
    const stored = (await db.clients.findOne(client.id).exec())?.toJSON();
    expect(stored?.language).toBe('Polish');
    expect(stored?.phone).toBeUndefined();
    expect(stored?.name).toBe('Maya Patel');
    expect(stored?.writeId).not.toBe(client.writeId);
    expect(await db.outbox.count().exec()).toBe(1);
  });

  it('writes nothing when nothing changed', async () => {
    db = await openDatabase({ name: 'edit-client-none', indexedDB: new IDBFactory(), IDBKeyRange, devMode: true });
    const client = await createDoc(db, 'clients', { name: 'Maya Patel', teamId: 't1', createdBy: 'u1' });
    await db.outbox.find().remove();
    expect(await updateClientDetails(db, client.id, {})).toEqual({ ok: true, value: 0 });
    expect(await db.outbox.count().exec()).toBe(0);
    expect((await db.clients.findOne(client.id).exec())?.writeId).toBe(client.writeId);
  });
});
