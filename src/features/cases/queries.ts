/**
 * Reactive reads for opening and closing cases: one client, one case. `undefined` while loading,
 * `null` when the record is not on this device.
 */
import { map } from 'rxjs';
import type { Case, Client } from '#shared/schemas/index';
import { useData, useObservable } from '../common/data';

export function useClient(clientId: string | undefined): Client | null | undefined {
  const { db } = useData();
  return useObservable(
    () => db.clients.findOne(clientId ?? '').$.pipe(map((doc) => (doc && clientId ? doc.toMutableJSON() : null))),
    [db, clientId],
  );
}

export function useCase(caseId: string): Case | null | undefined {
  const { db } = useData();
  return useObservable(() => db.cases.findOne(caseId).$.pipe(map((doc) => (doc ? doc.toMutableJSON() : null))), [db, caseId]);
}
