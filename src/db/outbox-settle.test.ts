/**
 * The outbox settles on real RxDB over fake-indexeddb: a row goes once the server holds the device's
 * current state of its document and never while the device holds a newer write (sync.md C2, C3, C4).
 *
 * The merge case is the one the convergence run found (seed 1894008347): a conflict resolution wrote
 * a merged state, which has no row of its own, and when the server's state then replaced that merged
 * state the row of the user's earlier write stayed, so the device counted a change as unsent for ever.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOT_ON_CASE } from '#shared/domain/held';
import { touch } from '#shared/domain/write';
import { openDatabase, type ResonanceDatabase } from './database';
import { outboxId } from './outbox';
import { markRejected, settleOutbox, settleReplaced } from './outbox-settle';
import { createDoc, updateDoc } from './writes';

let db: ResonanceDatabase;
let n = 0;
let clientId: string;

beforeEach(async () => {
  db = await openDatabase({ name: `settle-${n++}`, indexedDB: new IDBFactory(), IDBKeyRange, devMode: true });
  const doc = await createDoc(db, 'clients', { name: 'Ada Lovelace', teamId: 't1', createdBy: 'u1' });
  clientId = doc.id;
});
afterEach(async () => {
  await db.close();
});

const row = () => db.outbox.findOne(outboxId('clients', clientId)).exec();
const current = async () => (await db.clients.findOne(clientId).exec())?.writeId;

/** What RxDB does with a merged state the conflict handler returned: written past writes.ts, no row. */
async function writeMerged(): Promise<string> {
  const doc = await db.clients.findOne(clientId).exec();
  if (!doc) throw new Error('no client');
  const merged = touch();
  await doc.incrementalPatch({ ...merged, name: 'Ada King' });
  return merged.writeId;
}

describe('settleReplaced', () => {
  it('[C3] removes the row when the local state it names is replaced by the server state', async () => {
    const mine = await current();
    await settleReplaced(db, 'clients', clientId, String(mine));
    expect(await row()).toBeNull();
  });

  it('[C3] removes the row when a merged state the device holds is replaced, though the row names the earlier write', async () => {
    const userWrite = (await row())?.writeId;
    const merged = await writeMerged();
    expect((await row())?.writeId).toBe(userWrite);
    await settleReplaced(db, 'clients', clientId, merged);
    expect(await row()).toBeNull();
  });

  it('[C2] keeps the row of a newer user write than the state replaced', async () => {
    const replaced = String(await current());
    await updateDoc(db, 'clients', clientId, { phone: '07700900123' });
    await settleReplaced(db, 'clients', clientId, replaced);
    expect((await row())?.writeId).toBe(await current());
  });

  it('[C2] keeps the row of a user write made after a merge when the merged state is replaced', async () => {
    const merged = await writeMerged();
    await updateDoc(db, 'clients', clientId, { phone: '07700900123' });
    await settleReplaced(db, 'clients', clientId, merged);
    expect((await row())?.writeId).toBe(await current());
  });

  it('[C4] never removes a held-back row', async () => {
    const mine = String(await current());
    await markRejected(db, [{ collection: 'clients', documentId: clientId, writeId: mine, reason: 'not on your case' }]);
    await settleReplaced(db, 'clients', clientId, mine);
    expect((await row())?.rejectedReason).toBe('not on your case');
  });
});

describe('settleOutbox', () => {
  it('[C2] removes the row once the server holds the current state, also a merged one', async () => {
    const merged = await writeMerged();
    await settleOutbox(db, 'clients', [{ id: clientId, writeId: merged }]);
    expect(await row()).toBeNull();
  });

  it('[C2] keeps the row when the server holds an older state than the device', async () => {
    const older = String(await current());
    await updateDoc(db, 'clients', clientId, { phone: '07700900123' });
    await settleOutbox(db, 'clients', [{ id: clientId, writeId: older }]);
    expect((await row())?.writeId).toBe(await current());
  });

  it('[C4][A3] a removal of the live change marks it held, keeps the row and reports it, so the removal is asked for again', async () => {
    const mine = String(await current());
    const outcome = await settleOutbox(db, 'clients', [{ id: clientId, writeId: mine, deleted: true }]);
    expect(outcome).toEqual({ settled: [], removedLive: [clientId] });
    expect((await row())?.rejectedReason).toBe(NOT_ON_CASE);
  });

  it('[C4] a removal of an older state than the device holds is not a removal of the live change', async () => {
    const older = String(await current());
    await updateDoc(db, 'clients', clientId, { phone: '07700900123' });
    const outcome = await settleOutbox(db, 'clients', [{ id: clientId, writeId: older, deleted: true }]);
    expect(outcome.removedLive).toEqual([]);
    expect((await row())?.rejectedReason).toBeUndefined();
  });
});
