/**
 * Reactive reads for recording feedback: the client and case named in the query string, if any.
 * `undefined` while loading, `null` when absent or not on this device.
 */
import { map, of } from 'rxjs';
import type { Case, Client } from '#shared/schemas/index';
import { useData, useObservable } from '../common/data';

export function useClient(clientId: string): Client | null | undefined {
  const { db } = useData();
  return useObservable(
    () => (clientId === '' ? of(null) : db.clients.findOne(clientId).$.pipe(map((doc) => (doc ? doc.toMutableJSON() : null)))),
    [db, clientId],
  );
}

export function useCase(caseId: string): Case | null | undefined {
  const { db } = useData();
  return useObservable(
    () => (caseId === '' ? of(null) : db.cases.findOne(caseId).$.pipe(map((doc) => (doc ? doc.toMutableJSON() : null)))),
    [db, caseId],
  );
}
