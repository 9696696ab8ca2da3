/**
 * The only way features write to the local database. Each write stamps a fresh writeId (C2) and
 * records the change in the outbox, so the unsynced count is exact and the sync client knows what
 * the server has yet to accept. Storage failures are classified for the UI (never swallowed).
 */
import { rxStorageWriteErrorToRxError, type RxCollection, type RxStorageWriteError } from 'rxdb';
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

/** One new document for createDocs. */
export interface NewDoc<C extends Synced = Synced> {
  collection: C;
  fields: Omit<DocOf<C>, Meta> & { id?: string };
}

/** A new document of any synced collection. */
export type AnyNewDoc = { [C in Synced]: NewDoc<C> }[Synced];

/**
 * Insert several new documents together (a visit and its follow-up tasks): one bulk insert per
 * collection and one bulk upsert of all their outbox rows, all started at once, so the whole save is
 * one round of IndexedDB transactions instead of one insert plus an outbox write per document.
 * All or nothing as far as the device allows: when any part fails, the documents that were stored
 * are removed again (best effort) and the error is thrown as a StorageError. Returns the documents
 * as stored, in the order given.
 */
export async function createDocs(db: ResonanceDatabase, docs: readonly AnyNewDoc[], now: Date = new Date()): Promise<Record<string, unknown>[]> {
  const made = docs.map((d) => {
    const meta = newMeta(now, d.fields.id);
    return { collection: d.collection, doc: { ...d.fields, ...meta } };
  });
  const byCollection = new Map<Synced, (typeof made)[number]['doc'][]>();
  for (const m of made) byCollection.set(m.collection, [...(byCollection.get(m.collection) ?? []), m.doc]);
  const since = now.toISOString();
  const outboxRows = made.map((m) => ({ id: outboxId(m.collection, m.doc.id), collectionName: m.collection, documentId: m.doc.id, writeId: m.doc.writeId, since }));
  const inserts = [...byCollection].map(async ([collection, list]) => {
    const coll = db.collections[collection] as unknown as RxCollection<Record<string, unknown>>;
    const result = await coll.bulkInsert(list);
    const error = result.error[0];
    return { collection, stored: result.success.map((d) => String(d.id)), error: error ? rxStorageWriteErrorToRxError(error) : undefined };
  });
  const outbox = db.outbox.bulkUpsert(outboxRows).then((r) => {
    const error = r.error[0] as RxStorageWriteError<unknown> | undefined;
    return error ? rxStorageWriteErrorToRxError(error) : undefined;
  });
  const [insertResults, outboxResult] = await Promise.all([Promise.allSettled(inserts), Promise.allSettled([outbox])]);
  const failures: unknown[] = [];
  const stored: { collection: Synced; id: string }[] = [];
  for (const r of insertResults) {
    if (r.status === 'rejected') failures.push(r.reason);
    else {
      if (r.value.error !== undefined) failures.push(r.value.error);
      stored.push(...r.value.stored.map((id) => ({ collection: r.value.collection, id })));
    }
  }
  for (const r of outboxResult) {
    if (r.status === 'rejected') failures.push(r.reason);
    else if (r.value !== undefined) failures.push(r.value);
  }
  if (failures.length > 0) {
    // Stored documents are removed (a removal is a change of its own, so their outbox rows stay);
    // the outbox rows of documents that never got stored must go, or they would count as unsynced forever.
    const storedIds = new Set(stored.map((d) => outboxId(d.collection, d.id)));
    const orphans = outboxRows.filter((r) => !storedIds.has(r.id)).map((r) => r.id);
    await Promise.allSettled([
      ...stored.map((d) => removeDoc(db, d.collection, d.id, now)),
      db.outbox.find({ selector: { id: { $in: orphans } } }).remove(),
    ]);
    throw classifyStorageError(failures[0]);
  }
  return made.map((m) => m.doc);
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
