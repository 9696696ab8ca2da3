/** Assigning and sharing a case (coordinators), on real RxDB over fake-indexeddb: an ordinary local write that syncs. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type ResonanceDatabase } from '#db/database';
import { createDoc } from '#db/writes';
import { assignCaseCommand } from './commands';

let db: ResonanceDatabase | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

const openCase = (database: ResonanceDatabase) =>
  createDoc(database, 'cases', { clientId: 'c1', teamId: 't1', assignedTo: ['ann'], sharedWithTeam: false, status: 'open', type: 'housing', openedAt: '2025-03-01T09:00:00.000Z' });

describe('assignCaseCommand', () => {
  it('reassigns and shares the case with a new writeId, recorded in the outbox for sync', async () => {
    db = await openDatabase({ name: 'assign', indexedDB: new IDBFactory(), IDBKeyRange, devMode: true });
    const c = await openCase(db);
    const result = await assignCaseCommand(db, c, { assignedTo: ['bob'], sharedWithTeam: true }, new Set(['ann', 'bob']));
    expect(result.ok).toBe(true);
    const saved = (await db.cases.findOne(c.id).exec())?.toJSON();
    expect(saved).toMatchObject({ assignedTo: ['bob'], sharedWithTeam: true, status: 'open', type: 'housing' });
    expect(saved?.writeId).not.toBe(c.writeId);
    expect(await db.outbox.count().exec()).toBeGreaterThan(0);
  });

  it('refuses a choice nobody could see and writes nothing', async () => {
    db = await openDatabase({ name: 'assign-bad', indexedDB: new IDBFactory(), IDBKeyRange, devMode: true });
    const c = await openCase(db);
    const result = await assignCaseCommand(db, c, { assignedTo: [], sharedWithTeam: false }, new Set(['ann']));
    expect(result).toMatchObject({ ok: false, code: 'nobody' });
    expect((await db.cases.findOne(c.id).exec())?.toJSON()).toMatchObject({ assignedTo: ['ann'], writeId: c.writeId });
  });
});
