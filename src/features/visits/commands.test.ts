/**
 * recordVisit on real RxDB over fake-indexeddb: the visit and one task per follow-up are stored
 * with the right links, and when any write fails the ones that succeeded are taken back, so a
 * visit is never left without the follow-ups the worker asked for.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type ResonanceDatabase } from '#db/database';
import { StorageError } from '#db/errors';
import type { VisitFormValue } from '#shared/domain/forms';
import { recordVisit } from './commands';

let db: ResonanceDatabase | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

async function open(): Promise<ResonanceDatabase> {
  db = await openDatabase({ name: 'visits', indexedDB: new IDBFactory(), IDBKeyRange, devMode: true });
  return db;
}

const value = (followUps: VisitFormValue['followUps']): VisitFormValue => ({
  visit: { caseId: 'case1', kind: 'outreach', at: '2025-03-05T10:00:00.000Z', durationMinutes: 20, notes: 'Met at the station.', outcomes: ['Advice given'] },
  followUps,
});

describe('recordVisit', () => {
  it('stores the visit and one task per follow-up, assigned to the author and linked to the visit', async () => {
    const d = await open();
    const { visit, taskIds } = await recordVisit(d, {
      clientId: 'client1',
      userId: 'u_sam',
      value: value([{ title: 'Chase banding', due: '2025-03-07' }, { title: 'Book viewing', due: '2025-03-10' }]),
    });
    expect(visit).toMatchObject({ caseId: 'case1', clientId: 'client1', by: 'u_sam', kind: 'outreach', notes: 'Met at the station.' });
    expect(await d.visits.findOne(visit.id).exec()).not.toBeNull();
    const tasks = (await d.tasks.findByIds(taskIds).exec()).values();
    expect([...tasks].map((t) => t.toJSON()).sort((a, b) => a.due.localeCompare(b.due))).toMatchObject([
      { title: 'Chase banding', due: '2025-03-07', caseId: 'case1', clientId: 'client1', visitId: visit.id, assignedTo: 'u_sam', done: false },
      { title: 'Book viewing', due: '2025-03-10', visitId: visit.id, assignedTo: 'u_sam', done: false },
    ]);
    expect(await d.outbox.count().exec()).toBe(3);
  });

  it('takes back the visit when a follow-up cannot be stored, and reports a StorageError', async () => {
    const d = await open();
    // An empty title fails the task schema (minLength 1) after the visit itself was accepted.
    const attempt = recordVisit(d, { clientId: 'client1', userId: 'u_sam', value: value([{ title: '', due: '2025-03-07' }]) });
    await expect(attempt).rejects.toBeInstanceOf(StorageError);
    expect(await d.visits.count().exec()).toBe(0);
    expect(await d.tasks.count().exec()).toBe(0);
  });
});
