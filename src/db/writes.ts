/**
 * The only way features write to the local database. Each write stamps a fresh writeId (C2) and
 * records the change in the outbox, so the unsynced count is exact and the sync client knows what
 * the server has yet to accept. Storage failures are classified for the UI (never swallowed).
 */
import type { RxCollection } from 'rxdb';
import { newMeta, touch } from '#shared/domain/write';
import type { CollectionName } from '#shared/schemas/index';
import type { ResonanceDatabase } from './database';
import { classifyStorageError } from './errors';
import { outboxId } from './outbox';

type Synced = CollectionName;
type DocOf<C extends Synced> = ResonanceDatabase['collections'][C] extends RxCollection<infer D> ? D : never;
type Meta = 'id' | 'writeId' | 'createdAt' | 'clientUpdatedAt' | 'serverUpdatedAt' | 'serverUpdatedBy';

async function recordPending(db: ResonanceDatabase, collection: Synced, documentId: string, writeId: string, now: Date): Promise<void> {
  await db.outbox.upsert({ id: outboxId(collection, documentId), collectionName: collection, documentId, writeId, since: now.toISOString() });
}

/** Insert a new document; returns it as stored. */
export async function createDoc<C extends Synced>(
  db: ResonanceDatabase,
  collection: C,
  fields: Omit<DocOf<C>, Meta> & { id?: string },
  now: Date = new Date(),
): Promise<DocOf<C>> {
  const meta = newMeta(now, fields.id);
  const doc = { ...fields, ...meta } as unknown as DocOf<C>;
  try {
    const coll = db.collections[collection] as unknown as RxCollection<DocOf<C>>;
    await coll.insert(doc);
    await recordPending(db, collection, meta.id, meta.writeId, now);
    return doc;
  } catch (e) {
    throw classifyStorageError(e);
  }
}

/** Change some fields of an existing document. */
export async function updateDoc<C extends Synced>(
  db: ResonanceDatabase,
  collection: C,
  id: string,
  patch: Partial<Omit<DocOf<C>, Meta>>,
  now: Date = new Date(),
): Promise<DocOf<C>> {
  const stamp = touch(now);
  try {
    const coll = db.collections[collection] as unknown as RxCollection<DocOf<C>>;
    const current = await coll.findOne(id).exec();
    if (!current) throw new Error(`No ${collection} record ${id} on this device`);
    const next = await current.incrementalPatch({ ...patch, ...stamp } as unknown as Partial<DocOf<C>>);
    await recordPending(db, collection, id, stamp.writeId, now);
    return next.toMutableJSON();
  } catch (e) {
    throw classifyStorageError(e);
  }
}

/** Soft-delete (sync.md P3): the deletion replicates like any change. */
export async function removeDoc(db: ResonanceDatabase, collection: Synced, id: string, now: Date = new Date()): Promise<void> {
  const stamp = touch(now);
  try {
    const coll = db.collections[collection] as unknown as RxCollection<Record<string, unknown>>;
    const current = await coll.findOne(id).exec();
    if (!current) return;
    // One write: the deletion is a state of its own with a fresh writeId. Stamping and removing in
    // two writes gives two states one writeId, and the server would take the second for a retry (C2).
    await current.incrementalModify((data) => ({ ...data, ...stamp, _deleted: true }));
    await recordPending(db, collection, id, stamp.writeId, now);
  } catch (e) {
    throw classifyStorageError(e);
  }
}
