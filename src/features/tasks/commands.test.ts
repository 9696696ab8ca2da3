/** Marking a follow-up done and undoing it, on real RxDB over fake-indexeddb. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type ResonanceDatabase } from '#db/database';
import { createDoc } from '#db/writes';
import { markTaskDone, undoTaskDone } from './commands';

let db: ResonanceDatabase | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

describe('task commands', () => {
  it('marks a task done with the time, and undo clears both', async () => {
    db = await openDatabase({ name: 'tasks', indexedDB: new IDBFactory(), IDBKeyRange, devMode: true });
    const task = await createDoc(db, 'tasks', { caseId: 'k1', clientId: 'c1', assignedTo: 'u1', title: 'Call', due: '2025-03-05', done: false });
    await markTaskDone(db, task.id, new Date('2025-03-05T12:00:00.000Z'));
    expect((await db.tasks.findOne(task.id).exec())?.toJSON()).toMatchObject({ done: true, doneAt: '2025-03-05T12:00:00.000Z' });
    await undoTaskDone(db, task.id);
    const undone = (await db.tasks.findOne(task.id).exec())?.toJSON();
    expect(undone?.done).toBe(false);
    expect(undone?.doneAt).toBeUndefined();
  });
});
