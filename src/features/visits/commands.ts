/**
 * Recording a visit: one visit document and one task per follow-up, written through createDoc after
 * validateVisitForm has passed. The writes run together (one round of IndexedDB transactions, for the
 * ≤30 ms save-to-timeline target). RxDB has no transaction across collections, so if any write fails
 * (a full disk, usually) the ones that did succeed are removed again, best effort, and the error is
 * rethrown as the StorageError the page shows: the visit is saved whole or, as far as the device
 * allows, not at all, and the typed input stays on screen to try again.
 */
import type { ResonanceDatabase } from '#db/database';
import { classifyStorageError } from '#db/errors';
import { createDoc, removeDoc } from '#db/writes';
import type { VisitFormValue } from '#shared/domain/forms';
import { newId } from '#shared/lib/ids';
import type { CollectionName, Visit } from '#shared/schemas/index';

export interface RecordVisitInput {
  clientId: string;
  /** The signed-in user: the visit's author and the follow-ups' assignee. */
  userId: string;
  value: VisitFormValue;
  now?: Date;
}

export interface RecordedVisit {
  visit: Visit;
  taskIds: string[];
}

export async function recordVisit(db: ResonanceDatabase, input: RecordVisitInput): Promise<RecordedVisit> {
  const now = input.now ?? new Date();
  const visitId = newId();
  const { visit, followUps } = input.value;
  const writes: { collection: CollectionName; id: string; write: Promise<unknown> }[] = [
    { collection: 'visits', id: visitId, write: createDoc(db, 'visits', { ...visit, id: visitId, clientId: input.clientId, by: input.userId }, now) },
    ...followUps.map((f) => {
      const id = newId();
      return {
        collection: 'tasks' as const,
        id,
        write: createDoc(
          db,
          'tasks',
          { id, caseId: visit.caseId, clientId: input.clientId, visitId, assignedTo: input.userId, title: f.title, due: f.due, done: false },
          now,
        ),
      };
    }),
  ];
  const results = await Promise.allSettled(writes.map((w) => w.write));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    const written = writes.filter((_, i) => results[i]?.status === 'fulfilled');
    await Promise.allSettled(written.map((w) => removeDoc(db, w.collection, w.id, now)));
    throw classifyStorageError(failed.reason);
  }
  const stored = results[0];
  if (stored?.status !== 'fulfilled') throw new Error('visit write result missing');
  return { visit: stored.value as Visit, taskIds: writes.slice(1).map((w) => w.id) };
}
