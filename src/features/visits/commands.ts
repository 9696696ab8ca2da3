/**
 * Recording a visit: one visit document and one task per follow-up, written together by createDocs
 * after validateVisitForm has passed: one bulk insert per collection and one bulk outbox write, all
 * at once (one round of IndexedDB transactions, for the ≤30 ms save-to-timeline target). RxDB has
 * no transaction across collections, so if any write fails (a full disk, usually) the ones that did
 * succeed are removed again, best effort, and the error is rethrown as the StorageError the page
 * shows: the visit is saved whole or, as far as the device allows, not at all, and the typed input
 * stays on screen to try again.
 */
import type { ResonanceDatabase } from '#db/database';
import { createDocs, type AnyNewDoc } from '#db/writes';
import type { VisitFormValue } from '#shared/domain/forms';
import { newId } from '#shared/lib/ids';
import type { Visit } from '#shared/schemas/index';

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
  const taskIds = followUps.map(() => newId());
  const docs: AnyNewDoc[] = [
    { collection: 'visits', fields: { ...visit, id: visitId, clientId: input.clientId, by: input.userId } },
    ...followUps.map((f, i): AnyNewDoc => ({
      collection: 'tasks',
      fields: { id: taskIds[i] ?? newId(), caseId: visit.caseId, clientId: input.clientId, visitId, assignedTo: input.userId, title: f.title, due: f.due, done: false },
    })),
  ];
  const [stored] = await createDocs(db, docs, now);
  if (!stored) throw new Error('visit write result missing');
  return { visit: stored as unknown as Visit, taskIds };
}
