/**
 * The app's database gives Dexie's liveQuery machinery nothing to do: a write through RxDB fires no
 * `storagemutated` (the event Dexie's Observability middleware raises, and sends to other tabs, on
 * every committed write), while reads and writes work as before.
 */
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type ResonanceDatabase } from './database';
import { createDoc } from './writes';

let db: ResonanceDatabase | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

describe("Dexie's liveQuery bookkeeping", () => {
  it('is not run on writes, which still store and read back', async () => {
    db = await openDatabase({ name: 'lean', indexedDB: new IDBFactory(), IDBKeyRange, devMode: true });
    const announced: unknown[] = [];
    const listen = (parts: unknown) => void announced.push(parts);
    Dexie.on('storagemutated', listen);
    try {
      const task = await createDoc(db, 'tasks', { caseId: 'c1', clientId: 'k1', assignedTo: 'u1', title: 'Ring the housing office', due: '2026-12-07', done: false });
      expect((await db.tasks.findOne(task.id).exec())?.title).toBe('Ring the housing office');
      expect(await db.outbox.count().exec()).toBe(1);
    } finally {
      Dexie.on('storagemutated').unsubscribe(listen);
    }
    expect(announced).toEqual([]);
  });
});
