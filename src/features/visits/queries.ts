/**
 * Reactive reads for recording a visit: the client, and the client's open cases (visits are only
 * recorded against open cases, domain/cases.ts canRecordVisit). Both re-emit on any local change.
 */
import { useEffect, useState } from 'react';
import { combineLatest, map, take } from 'rxjs';
import type { ResonanceDatabase } from '#db/database';
import type { Case, Client } from '#shared/schemas/index';
import { clientPageQueries } from '../common/client-queries';
import { useData, useObservable } from '../common/data';

/** The client, `null` when not on this device, `undefined` while loading. */
export function useClient(clientId: string): Client | null | undefined {
  const { db } = useData();
  return useObservable(() => clientPageQueries(db, clientId).client.$.pipe(map((doc) => (doc ? doc.toMutableJSON() : null))), [db, clientId]);
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
 * Keeps the client page's four queries live while the visit form is open (the same query objects
 * the client page reads, common/client-queries.ts), so that after Save the client page finds their
 * results already updated with the new visit and tasks by event-reduce, instead of reading
 * IndexedDB again (the ≤30 ms save-to-timeline target). Returns true once all four have their
 * first results: the form then renders the hidden client page again, whole, so that showing it
 * after a save adds the visit instead of building the page's cases and timeline.
 */
export function useWarmClientPage(clientId: string): boolean {
  const { db } = useData();
  const [warm, setWarm] = useState<string | null>(null);
  useEffect(() => {
    const { client, cases, visits, tasks } = clientPageQueries(db, clientId);
    const first = combineLatest([client.$, cases.$, visits.$, tasks.$]).pipe(take(1)).subscribe(() => setWarm(clientId));
    const subs = [first, client.$.subscribe(), cases.$.subscribe(), visits.$.subscribe(), tasks.$.subscribe()];
    return () => {
      for (const s of subs) s.unsubscribe();
    };
  }, [db, clientId]);
  return warm === clientId;
}

/**
 * After a save, brings the client page's visits and tasks queries up to date with it (event-reduce
 * on the results useWarmClientPage keeps, no IndexedDB read), so the client page starts from
 * results that already hold the new visit and renders it on its first render. Never throws: the
 * visit is saved whatever happens here, and the client page would then read the queries itself.
 */
export async function settleClientPage(db: ResonanceDatabase, clientId: string): Promise<void> {
  const { visits, tasks } = clientPageQueries(db, clientId);
  try {
    await Promise.all([visits.exec(), tasks.exec()]);
  } catch {
    // Nothing to do: see above.
  }
}
