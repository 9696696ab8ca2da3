/**
 * settledResult: the client page starts from RxDB's held result for a query only when that result
 * has seen every change to the collection (else it would show a timeline without the visit just
 * saved). keepIfSame: the query's subscription then emits a copy holding the same documents, which
 * keeps the array the page already has, so that emission re-renders nothing.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { firstValueFrom } from 'rxjs';
import { createRxDatabase, type RxCollection, type RxDatabase, type RxQuery } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskSchema, type Task } from '#shared/schemas/tasks';
import { keepIfSame, settledResult } from './queries';

type Db = RxDatabase<{ tasks: RxCollection<Task> }>;
let db: Db;

function task(id: string, clientId: string): Task {
  const at = '2026-01-05T09:00:00.000Z';
  return { id, caseId: 'c1', clientId, assignedTo: 'u1', title: `Task ${id}`, due: '2026-01-10', done: false, writeId: `w-${id}`, createdAt: at, clientUpdatedAt: at };
}

const ids = (docs: readonly Task[] | undefined) => docs?.map((d) => d.id).sort();

beforeAll(async () => {
  db = await createRxDatabase<{ tasks: RxCollection<Task> }>({ name: 'settled', storage: getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }) });
  await db.addCollections({ tasks: { schema: taskSchema } });
  await db.tasks.bulkInsert([task('t1', 'k1'), task('t2', 'k1'), task('t3', 'k2')]);
});
afterAll(async () => {
  await db.close();
});

describe('keepIfSame', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };
  it('keeps the previous array when the next one holds the same objects in the same order', () => {
    const previous = [a, b];
    expect(keepIfSame(previous, [a, b])).toBe(previous);
  });
  it('takes the next value when anything differs', () => {
    const previous = [a, b];
    const reordered = [b, a];
    const changed = [a, { id: 'b' }];
    const longer = [a, b, { id: 'c' }];
    expect(keepIfSame(previous, reordered)).toBe(reordered);
    expect(keepIfSame(previous, changed)).toBe(changed);
    expect(keepIfSame(previous, longer)).toBe(longer);
    expect(keepIfSame(undefined, previous)).toBe(previous);
    expect(keepIfSame<object | null>(a, null)).toBeNull();
  });
});

describe('settledResult', () => {
  const query = () => db.tasks.find({ selector: { clientId: 'k1' } }) as unknown as RxQuery<never, Task[]>;

  it('is undefined for a query that has never run', () => {
    expect(settledResult(query())).toBeUndefined();
  });

  it('gives the documents the subscription emits once the query has run, and the first emission keeps that array', async () => {
    await query().exec();
    const settled = settledResult(query());
    expect(ids(settled)).toEqual(['t1', 't2']);
    const emitted = await firstValueFrom(query().$);
    expect(keepIfSame(settled, emitted)).toBe(settled);
  });

  it('is undefined after a change the result has not seen, and includes it once the query caught up', async () => {
    await query().exec();
    await db.tasks.insert(task('t4', 'k1'));
    expect(settledResult(query())).toBeUndefined();
    await query().exec();
    expect(ids(settledResult(query()))).toEqual(['t1', 't2', 't4']);
  });
});
