/**
 * Removes outbox rows once the server holds the device's current state of a document: after a push
 * the server accepted, and after a pull brought back a state the device now holds. A row is kept
 * while the device has a newer local write than the one settled, so the unsynced count never hides
 * work the server has not seen.
 *
 * A row the server held back (C4, `rejectedReason` set) is never settled by a pull or a conflict: the
 * server kept that change for a coordinator and the author must go on seeing that it was not applied,
 * even after the record itself has left the device (A3). It ends when the author saves the record again
 * (a new write replaces the row) or removes the notice themselves (`dismissHeld`).
 */
import type { RxCollection, RxDocument } from 'rxdb';
import { NOT_ON_CASE } from '#shared/domain/held';
import type { CollectionName } from '#shared/schemas/index';
import type { ResonanceDatabase } from './database';
import { outboxId, type OutboxRow } from './outbox';

export interface SettledState {
  id: string;
  writeId: string;
  /** The server's state is a deletion (a pulled one may be a removal from scope, A3). */
  deleted?: boolean;
}

export interface Settled {
  /** Documents whose rows it removed: the server holds the device's current state. */
  settled: string[];
  /**
   * Documents whose given state is a removal of the device's own live change (held back, A3 with C4).
   * The device still holds that change until RxDB stores the removal, which it skips while the push
   * of the change is unanswered.
   */
  removedLive: string[];
}

export async function settleOutbox(db: ResonanceDatabase, collection: CollectionName, states: readonly SettledState[]): Promise<Settled> {
  const none: Settled = { settled: [], removedLive: [] };
  if (states.length === 0) return none;
  const rows = await db.outbox.findByIds(states.map((s) => outboxId(collection, s.id))).exec();
  if (rows.size === 0) return none;
  const coll = db.collections[collection] as unknown as RxCollection<{ id: string; writeId: string }>;
  const local = await coll.findByIds(states.map((s) => s.id)).exec();
  const done: RxDocument<OutboxRow>[] = [];
  const held: RxDocument<OutboxRow>[] = [];
  const removedLive: string[] = [];
  for (const state of states) {
    const row = rows.get(outboxId(collection, state.id));
    if (!row) continue;
    const current = local.get(state.id);
    // A removal carrying the writeId of a live local change is the server saying it kept that change
    // and the record has left this user's scope (A3). It may come before the push's answer does.
    if (state.deleted === true && current?.writeId === state.writeId) {
      removedLive.push(state.id);
      if (row.rejectedReason === undefined) held.push(row);
      continue;
    }
    if (row.rejectedReason !== undefined) continue;
    // Deleted locally: RxDB's find skips it; the settled state is then the deletion itself.
    const currentWriteId = current ? current.writeId : state.writeId;
    if (currentWriteId === state.writeId) done.push(row);
  }
  if (done.length > 0) await db.outbox.bulkRemove(done.map((row) => row.id));
  for (const row of held) await row.incrementalPatch({ rejectedReason: NOT_ON_CASE });
  return { settled: done.map((row) => row.documentId), removedLive };
}

/**
 * Removes the outbox row of a local state that a conflict resolution replaced with the server's state
 * (conflict-handler.ts): nothing of it remains to push. A newer local write keeps its row.
 *
 * The row names the last write made through writes.ts. A merged state a conflict resolution wrote is
 * a write of its own that no row names, so the row still holds the user's write it came from; when
 * that merged state is what the device holds and the server's state replaces it in turn, the row goes
 * too. A user's write always lands in the document before its row, so a newer one is never dropped.
 */
export async function settleReplaced(db: ResonanceDatabase, collection: CollectionName, documentId: string, writeId: string): Promise<void> {
  const row = await db.outbox.findOne(outboxId(collection, documentId)).exec();
  if (!row || row.rejectedReason !== undefined) return;
  if (row.writeId === writeId) {
    await row.remove();
    return;
  }
  const coll = db.collections[collection] as unknown as RxCollection<{ id: string; writeId: string }>;
  const current = await coll.findOne(documentId).exec();
  if (current?.writeId === writeId) await row.remove();
}

/**
 * The author removes the notice of a held-back change (C4) whose record is no longer on this device.
 * The change itself stays on the server for a coordinator; only a row still held back is removed, so a
 * newer local write of the same record is never dropped by a stale click.
 */
export async function dismissHeld(db: ResonanceDatabase, rowId: string): Promise<void> {
  const row = await db.outbox.findOne(rowId).exec();
  if (row && row.rejectedReason !== undefined) await row.remove();
}

/** Marks outbox rows whose state the server quarantined (C4), with the reason to show the author. */
export async function markRejected(
  db: ResonanceDatabase,
  rejected: readonly { collection: string; documentId: string; writeId: string; reason: string }[],
): Promise<void> {
  for (const r of rejected) {
    const row = await db.outbox.findOne(outboxId(r.collection, r.documentId)).exec();
    if (row && row.writeId === r.writeId && row.rejectedReason !== r.reason) await row.incrementalPatch({ rejectedReason: r.reason });
  }
}
