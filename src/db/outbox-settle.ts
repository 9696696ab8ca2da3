/**
 * Removes outbox rows once the server holds the device's current state of a document: after a push
 * the server accepted, and after a pull brought back a state the device now holds. A row is kept
 * while the device has a newer local write than the one settled, so the unsynced count never hides
 * work the server has not seen.
 */
import type { RxCollection } from 'rxdb';
import type { CollectionName } from '#shared/schemas/index';
import type { ResonanceDatabase } from './database';
import { outboxId } from './outbox';

export interface SettledState {
  id: string;
  writeId: string;
}

export async function settleOutbox(db: ResonanceDatabase, collection: CollectionName, states: readonly SettledState[]): Promise<void> {
  if (states.length === 0) return;
  const rows = await db.outbox.findByIds(states.map((s) => outboxId(collection, s.id))).exec();
  if (rows.size === 0) return;
  const coll = db.collections[collection] as unknown as RxCollection<{ id: string; writeId: string }>;
  const local = await coll.findByIds(states.map((s) => s.id)).exec();
  const done: string[] = [];
  for (const state of states) {
    const row = rows.get(outboxId(collection, state.id));
    if (!row) continue;
    const current = local.get(state.id);
    // Deleted locally: RxDB's find skips it; the settled state is then the deletion itself.
    const currentWriteId = current ? current.writeId : state.writeId;
    if (currentWriteId === state.writeId) done.push(row.id);
  }
  if (done.length > 0) await db.outbox.bulkRemove(done);
}

/**
 * Removes the outbox row of a local state that a conflict resolution replaced with the server's state
 * (conflict-handler.ts): nothing of it remains to push. A newer local write keeps its row.
 */
export async function settleReplaced(db: ResonanceDatabase, collection: CollectionName, documentId: string, writeId: string): Promise<void> {
  const row = await db.outbox.findOne(outboxId(collection, documentId)).exec();
  if (row && row.writeId === writeId) await row.remove();
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
