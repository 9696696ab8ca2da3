/**
 * withBulkReads answers every query shape exactly as RxDB's own Dexie cursor does: the same
 * documents in the same order, with selectors the index does and does not cover, sorts, skip and
 * limit, and deleted documents left out. Two databases on fake-indexeddb hold the same tasks, one
 * with the wrapper and one without.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createRxDatabase, type MangoQuery, type RxCollection, type RxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskSchema, type Task } from '#shared/schemas/tasks';
import { withBulkReads } from './bulk-reads';

type Db = RxDatabase<{ tasks: RxCollection<Task> }>;
let plain: Db;
let bulk: Db;

function task(i: number): Task {
  const at = new Date(Date.UTC(2026, 0, 1 + (i % 28))).toISOString();
  return {
    id: `t${String(i).padStart(3, '0')}`, caseId: `c${i % 7}`, clientId: `k${i % 11}`, assignedTo: `u${i % 3}`,
    title: `Task ${(i * 37) % 101}`, due: at.slice(0, 10), done: i % 4 === 0, writeId: `w${i}`, createdAt: at, clientUpdatedAt: at,
  };
}

async function openWith(wrap: boolean): Promise<Db> {
  const dexie = getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange });
  const db = await createRxDatabase<{ tasks: RxCollection<Task> }>({ name: `bulk-${String(wrap)}`, storage: wrap ? withBulkReads(dexie) : dexie });
  await db.addCollections({ tasks: { schema: taskSchema } });
  const docs = Array.from({ length: 120 }, (_, i) => task(i));
  await db.tasks.bulkInsert(docs);
  // Deleted documents stay in IndexedDB (soft delete) and must not come back.
  await db.tasks.find({ selector: { id: { $in: ['t005', 't006', 't077'] } } }).remove();
  return db;
}

beforeAll(async () => {
  [plain, bulk] = await Promise.all([openWith(false), openWith(true)]);
});
afterAll(async () => {
  await Promise.all([plain.close(), bulk.close()]);
});

const QUERIES: [string, MangoQuery<Task>][] = [
  ['everything', {}],
  ['an indexed equality', { selector: { clientId: 'k3' } }],
  ['an indexed range', { selector: { clientId: { $gt: 'k2', $lte: 'k7' } } }],
  ['a field without an index', { selector: { done: false } }],
  ['index plus filter', { selector: { clientId: 'k4', done: false } }],
  ['a sort on a field without an index', { selector: { done: false }, sort: [{ title: 'asc' }, { id: 'asc' }] }],
  ['limit in index order', { selector: {}, sort: [{ id: 'asc' }], limit: 10 }],
  ['skip and limit in index order', { selector: {}, sort: [{ id: 'desc' }], skip: 5, limit: 7 }],
  ['limit with a filter (stays on the cursor)', { selector: { done: true }, sort: [{ id: 'asc' }], limit: 4 }],
  ['skip and limit after a sort', { selector: { assignedTo: 'u1' }, sort: [{ due: 'desc' }, { id: 'asc' }], skip: 3, limit: 5 }],
  ['nothing matches', { selector: { clientId: 'nobody' } }],
];

describe('withBulkReads', () => {
  it.each(QUERIES)('%s: same documents in the same order as the cursor', async (_name, query) => {
    const expected = (await plain.tasks.find(query).exec()).map((d) => d.toJSON());
    const actual = (await bulk.tasks.find(query).exec()).map((d) => d.toJSON());
    expect(actual).toEqual(expected);
    expect(actual.some((d) => ['t005', 't006', 't077'].includes(d.id))).toBe(false);
  });

  it('sees a write made after the first read', async () => {
    await bulk.tasks.insert(task(500));
    const found = await bulk.tasks.find({ selector: { id: 't500' } }).exec();
    expect(found.map((d) => d.primary)).toEqual(['t500']);
    await bulk.tasks.findOne('t500').remove();
  });
});
