/**
 * withBulkReads answers every query shape exactly as RxDB's own Dexie cursor does: the same
 * documents in the same order, with selectors the index does and does not cover, sorts, skip and
 * limit, and deleted documents left out; and reads what changed since a replication checkpoint
 * as RxDB's own helper does, without walking a cursor. Two databases on fake-indexeddb hold the
 * same tasks, one with the wrapper and one without.
 */
import { IDBFactory, IDBIndex, IDBKeyRange } from 'fake-indexeddb';
import { createRxDatabase, getChangedDocumentsSince, type MangoQuery, type RxCollection, type RxDatabase, type RxStorageDefaultCheckpoint } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
    // The same write and removal without the wrapper, so both databases still hold the same documents.
    await plain.tasks.insert(task(500));
    await plain.tasks.findOne('t500').remove();
  });
});

type Checkpoint = RxStorageDefaultCheckpoint;

/** Every change from the start, `limit` at a time: [id, deleted] per document, and each step's checkpoint id. */
async function pageThrough(db: Db, limit: number): Promise<{ docs: [string, boolean][]; checkpoints: string[] }> {
  const docs: [string, boolean][] = [];
  const checkpoints: string[] = [];
  let checkpoint: Checkpoint | undefined;
  for (;;) {
    const step = await getChangedDocumentsSince<Task, Checkpoint>(db.tasks.storageInstance, limit, checkpoint);
    checkpoints.push(step.checkpoint.id);
    if (step.documents.length === 0) return { docs, checkpoints };
    docs.push(...step.documents.map((d): [string, boolean] => [d.id, d._deleted]));
    checkpoint = step.checkpoint;
  }
}

describe('withBulkReads: changes since a checkpoint (sync.md, the replication checkpoint)', () => {
  it('pages through every document, deleted ones too, in the order and with the checkpoints of RxDB\'s own query', async () => {
    const [expected, actual] = await Promise.all([pageThrough(plain, 7), pageThrough(bulk, 7)]);
    expect(actual).toEqual(expected);
    // 120 inserted in one write (one write time), three of them deleted later.
    expect(actual.docs.length).toBeGreaterThanOrEqual(120);
    expect(actual.docs.filter(([, deleted]) => deleted).map(([id]) => id)).toEqual(expect.arrayContaining(['t005', 't006', 't077']));
  });

  it('starts just after a checkpoint inside a write, and at the end returns nothing with the same checkpoint', async () => {
    const all = await getChangedDocumentsSince<Task, Checkpoint>(bulk.tasks.storageInstance, 200);
    const middle = all.documents[60];
    if (!middle) throw new Error('expected 120 documents');
    const after = await getChangedDocumentsSince<Task, Checkpoint>(bulk.tasks.storageInstance, 3, { id: middle.id, lwt: middle._meta.lwt });
    expect(after.documents.map((d) => d.id)).toEqual(all.documents.slice(61, 64).map((d) => d.id));
    const end = { id: String.fromCharCode(0xffff), lwt: all.documents.at(-1)?._meta.lwt ?? 0 };
    const none = await getChangedDocumentsSince<Task, Checkpoint>(bulk.tasks.storageInstance, 20, end);
    expect(none.documents).toEqual([]);
    expect(none.checkpoint).toEqual(end);
  });

  it('reads them without a cursor: RxDB\'s query walked every document of the same write before the checkpoint, one by one', async () => {
    const all = await getChangedDocumentsSince<Task, Checkpoint>(bulk.tasks.storageInstance, 200);
    const last = all.documents.at(-2);
    if (!last) throw new Error('expected 120 documents');
    const cursors = vi.spyOn(IDBIndex.prototype, 'openCursor');
    try {
      const found = await getChangedDocumentsSince<Task, Checkpoint>(bulk.tasks.storageInstance, 20, { id: last.id, lwt: last._meta.lwt });
      expect(found.documents).toHaveLength(1);
      expect(cursors).not.toHaveBeenCalled();
    } finally {
      cursors.mockRestore();
    }
  });
});
