/**
 * Reactive reads for recording a visit: the client, and the client's open cases (visits are only
 * recorded against open cases, domain/cases.ts canRecordVisit). Both re-emit on any local change.
 */
import { map } from 'rxjs';
import type { Case, Client } from '#shared/schemas/index';
import { useData, useObservable } from '../common/data';

/** The client, `null` when not on this device, `undefined` while loading. */
export function useClient(clientId: string): Client | null | undefined {
  const { db } = useData();
  return useObservable(() => db.clients.findOne(clientId).$.pipe(map((doc) => (doc ? doc.toMutableJSON() : null))), [db, clientId]);
}

/** The client's open cases, oldest first; `undefined` while loading. */
export function useOpenCases(clientId: string): Case[] | undefined {
  const { db } = useData();
  return useObservable(
    () =>
      db.cases
        .find({ selector: { clientId, status: 'open' } })
        .$.pipe(map((docs) => docs.map((d) => d.toMutableJSON()).sort((a, b) => (a.openedAt < b.openedAt ? -1 : a.openedAt > b.openedAt ? 1 : 0)))),
    [db, clientId],
  );
}
