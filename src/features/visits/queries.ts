/**
 * Reactive reads for recording a visit: the client, and the client's open cases (visits are only
 * recorded against open cases, domain/cases.ts canRecordVisit). Both re-emit on any local change.
 */
import { useEffect } from 'react';
import { map } from 'rxjs';
import type { ResonanceDatabase } from '#db/database';
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

/**
 * Keeps the client page's four queries live while the visit form is open, so that after Save the
 * client page finds them in RxDB's query cache, already updated with the new visit and tasks by
 * event-reduce, instead of reading IndexedDB again (the ≤30 ms save-to-timeline target). The
 * selectors must match src/features/clients/queries.ts to share its cache entries; if they drift
 * apart nothing breaks, the client page is just slower. Emits nothing.
 */
export function useWarmClientPage(clientId: string): void {
  const { db } = useData();
  useEffect(() => {
    const subs = [
      db.clients.findOne(clientId).$.subscribe(),
      db.cases.find({ selector: { clientId } }).$.subscribe(),
      db.visits.find({ selector: { clientId } }).$.subscribe(),
      db.tasks.find({ selector: { clientId } }).$.subscribe(),
    ];
    return () => {
      for (const s of subs) s.unsubscribe();
    };
  }, [db, clientId]);
}

/**
 * After a save, brings the client page's visits and tasks queries up to date with it (event-reduce
 * on the results useWarmClientPage keeps, no IndexedDB read), so the client page starts from
 * results that already hold the new visit and renders it on its first render. Never throws: the
 * visit is saved whatever happens here, and the client page would then read the queries itself.
 */
export async function settleClientPage(db: ResonanceDatabase, clientId: string): Promise<void> {
  try {
    await Promise.all([db.visits.find({ selector: { clientId } }).exec(), db.tasks.find({ selector: { clientId } }).exec()]);
  } catch {
    // Nothing to do: see above.
  }
}
