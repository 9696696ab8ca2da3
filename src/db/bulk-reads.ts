/**
 * Faster reads for RxDB's Dexie storage: a query is answered with one IndexedDB `getAll` over the
 * same index range RxDB's query planner chose, instead of a cursor that crosses into the browser's
 * storage process once per document. On 10,000 clients that cursor was about 1.25 s of the cold
 * start to the caseload; `getAll` returns the same documents in the same index order in one trip.
 *
 * It replaces only the storage instance's `query`, and wraps the Dexie storage itself: every wrapper
 * above it (encryption, validation) and RxDB still see every document, so nothing is read around
 * them. A query with a limit that the index order satisfies but that needs a filter keeps the
 * cursor, which can stop early; every other query gives the same result either way.
 *
 * It also gives the instance `getChangedDocumentsSince`, which RxDB otherwise answers with a query
 * whose `$or` selector the index cannot narrow: its cursor starts at the first document with the
 * checkpoint's write time and crosses every document written in that same write before it finds
 * one after the checkpoint. A pull writes its whole batch with one time, so after an initial sync
 * each step of the replication's upstream pass, and the caseload's "written since" check
 * (written-since.ts), walked up to thousands of documents one by one: on 10,000 clients, hundreds
 * of ms each, on the cold start's critical path. Here it is one `getAll` on the same index from
 * just after the checkpoint, which reads only what it returns.
 */
import { getPrimaryFieldOfPrimaryKey, getQueryMatcher, getSortComparator, type RxDocumentData, type RxStorage, type RxStorageDefaultCheckpoint, type RxStorageInstance } from 'rxdb';
import {
  DEXIE_DOCS_TABLE_NAME,
  dexieReplaceIfStartsWithPipe,
  fromDexieToStorage,
  getKeyRangeByQueryPlan,
  type RxStorageInstanceDexie,
} from 'rxdb/plugins/storage-dexie';

type Instance = RxStorageInstance<unknown, unknown, unknown>;
type Prepared = Parameters<Instance['query']>[0];
type Found = Awaited<ReturnType<Instance['query']>>;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB read failed'));
  });
}

/** The IndexedDB name Dexie gives a compound index over these fields. */
function dexieIndexName(fields: readonly string[]): string {
  return `[${fields.map((field) => dexieReplaceIfStartsWithPipe(field)).join('+')}]`;
}

async function bulkQuery(instance: RxStorageInstanceDexie<unknown>, prepared: Prepared, viaCursor: () => Promise<Found>): Promise<Found> {
  const { query, queryPlan: plan } = prepared;
  const skip = query.skip ?? 0;
  const limit = typeof query.limit === 'number' ? query.limit : Infinity;
  const matcher = plan.selectorSatisfiedByIndex ? undefined : getQueryMatcher(instance.schema, query as never);
  // A cursor can stop as soon as it has `skip + limit` matches; getAll cannot know when to stop.
  if (matcher && plan.sortSatisfiedByIndex && limit !== Infinity) return viaCursor();
  const state = await instance.internals;
  let range: IDBKeyRange;
  try {
    range = getKeyRangeByQueryPlan(state.booleanIndexes, plan, (state.dexieDb as unknown as { _options: { IDBKeyRange?: unknown } })._options.IDBKeyRange) as IDBKeyRange;
  } catch (e) {
    if ((e as { name?: string }).name === 'DataError') return { documents: [] };
    throw e;
  }
  const indexName = dexieIndexName(plan.index);
  const count = !matcher && plan.sortSatisfiedByIndex && limit !== Infinity ? skip + limit : undefined;
  let raw: unknown[] = [];
  await state.dexieDb.transaction('r', state.dexieTable, async (tx) => {
    const index = (tx as unknown as { idbtrans: IDBTransaction }).idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME).index(indexName);
    raw = await request(index.getAll(range, count));
  });
  let rows = raw.map((d) => fromDexieToStorage<unknown>(state.booleanIndexes, d));
  if (matcher) rows = rows.filter((d) => matcher(d));
  if (!plan.sortSatisfiedByIndex) rows.sort(getSortComparator(instance.schema, query as never));
  return { documents: rows.slice(skip, skip + limit) };
}

/**
 * As RxDB's getChangedDocumentsSince (rx-storage-helper.ts): documents, deleted ones too, in the
 * order of the `[_meta.lwt+<primary key>]` index, strictly after `checkpoint`; and the checkpoint
 * of the last one returned (else the one given, else the start).
 */
async function changedSince(instance: RxStorageInstanceDexie<unknown>, limit: number, checkpoint: RxStorageDefaultCheckpoint | undefined): Promise<{ documents: RxDocumentData<unknown>[]; checkpoint: RxStorageDefaultCheckpoint }> {
  const state = await instance.internals;
  const primary = getPrimaryFieldOfPrimaryKey(instance.schema.primaryKey) as string;
  const keyRange = (state.dexieDb as unknown as { _options: { IDBKeyRange?: typeof IDBKeyRange } })._options.IDBKeyRange ?? IDBKeyRange;
  // Open at the checkpoint: the same write time with a later id, or any later write time.
  const range = checkpoint ? keyRange.lowerBound([checkpoint.lwt, checkpoint.id], true) : undefined;
  const indexName = dexieIndexName(['_meta.lwt', primary]);
  let raw: unknown[] = [];
  await state.dexieDb.transaction('r', state.dexieTable, async (tx) => {
    const index = (tx as unknown as { idbtrans: IDBTransaction }).idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME).index(indexName);
    raw = await request(index.getAll(range, limit));
  });
  const documents = raw.map((d) => fromDexieToStorage<unknown>(state.booleanIndexes, d));
  const last = documents.at(-1) as (RxDocumentData<unknown> & Record<string, unknown>) | undefined;
  return { documents, checkpoint: last ? { id: String(last[primary]), lwt: last._meta.lwt } : (checkpoint ?? { id: '', lwt: 0 }) };
}

/** Wraps RxDB's Dexie storage so queries read in bulk (see the top of this file). */
export function withBulkReads<S extends RxStorage<unknown, unknown>>(storage: S): S {
  return {
    ...storage,
    async createStorageInstance(params) {
      const instance = await storage.createStorageInstance(params);
      const dexie = instance as unknown as RxStorageInstanceDexie<unknown>;
      const viaCursor = instance.query.bind(instance);
      instance.query = ((prepared: Prepared) => bulkQuery(dexie, prepared, () => viaCursor(prepared as never))) as never;
      instance.getChangedDocumentsSince = ((limit: number, checkpoint?: RxStorageDefaultCheckpoint) => changedSince(dexie, limit, checkpoint)) as never;
      return instance;
    },
  };
}
