/** A coordinator's decisions on real RxDB over fake-indexeddb: both are ordinary, unsynced writes. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type ResonanceDatabase } from '#db/database';
import { createDoc } from '#db/writes';
import { keepCurrentValue, swapToOtherValue } from './commands';

let db: ResonanceDatabase | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

async function setUp() {
  db = await openDatabase({ name: 'conflicts', indexedDB: new IDBFactory(), IDBKeyRange, devMode: true });
  const client = await createDoc(db, 'clients', { name: 'Maya Patel', teamId: 't1', createdBy: 'u1', phone: '07700 900001' });
  const conflict = await createDoc(db, 'conflicts', {
    collectionName: 'clients',
    documentId: client.id,
    field: 'phone',
    keptValue: JSON.stringify('07700 900001'),
    losingValue: JSON.stringify('07700 900982'),
    losingBy: 'u2',
    losingAt: '2025-03-05T10:00:00.000Z',
    status: 'open',
  });
  return { db, client, conflict };
}

describe('conflict decisions', () => {
  it("'Keep current value' records the decision and leaves the record alone", async () => {
    const { db: d, client, conflict } = await setUp();
    await keepCurrentValue(d, conflict, 'u_coord');
    expect((await d.conflicts.findOne(conflict.id).exec())?.toJSON()).toMatchObject({ status: 'kept', decidedBy: 'u_coord' });
    expect((await d.clients.findOne(client.id).exec())?.phone).toBe('07700 900001');
  });

  it("'Use the other value' writes the losing value back, then records the decision", async () => {
    const { db: d, client, conflict } = await setUp();
    expect(await swapToOtherValue(d, conflict, 'u_coord')).toEqual({ ok: true });
    expect((await d.clients.findOne(client.id).exec())?.phone).toBe('07700 900982');
    expect((await d.conflicts.findOne(conflict.id).exec())?.toJSON()).toMatchObject({ status: 'swapped', decidedBy: 'u_coord' });
  });

  it('refuses to write back a bookkeeping field', async () => {
    const { db: d, conflict } = await setUp();
    const result = await swapToOtherValue(d, { ...conflict, field: 'writeId' }, 'u_coord');
    expect(result.ok).toBe(false);
    expect((await d.conflicts.findOne(conflict.id).exec())?.status).toBe('open');
  });
});
