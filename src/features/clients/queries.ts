/**
 * Reactive reads for one client's page (the client, their cases, visits and tasks: four queries on
 * indexed `clientId`, whatever the size of the caseload) and for the duplicate check on the register
 * page (every client on the device, the same query the caseload uses, so RxDB serves it from cache).
 *
 * The client page's four hooks start from the result RxDB already holds for their query when that
 * result has seen every change to its collection (the queries are shared, common/client-queries.ts;
 * the visit form keeps them live and waits for them after a save: src/features/visits/queries.ts),
 * so the page renders whole on its first
 * render instead of "Loading…" followed by a second render once the subscriptions have emitted the
 * same arrays (the ≤30 ms save-to-timeline target). Otherwise they start undefined, as before.
 */
import { useEffect, useState } from 'react';
import type { RxQuery } from 'rxdb';
import type { ExistingClient } from '#shared/domain/duplicates';
import type { Case, Client, Task, Visit } from '#shared/schemas/index';
import { clientPageQueries } from '../common/client-queries';
import { useData, useObservable } from '../common/data';

/** What a query emits, taken from RxDB's current result when it is up to date; else undefined. */
export function settledResult<T>(query: RxQuery<never, T>): T | undefined {
  const result = query._result;
  if (!result || query._latestChangeEvent < query.collection._changeEventBuffer.getCounter()) return undefined;
  return result.getValue() as T;
}

/**
 * `next`, or `previous` when it holds the very same documents: RxDB hands out a fresh copy of a find
 * query's array on every read, and a copy of the same documents need not re-render the page.
 */
export function keepIfSame<T>(previous: T | undefined, next: T): T {
  if (Array.isArray(previous) && Array.isArray(next) && previous.length === next.length && previous.every((doc, i) => doc === next[i])) return previous;
  return next;
}

/**
 * A live query as React state: starts from the settled result, then follows the query. Its
 * subscription's first emission holds the same document objects, so it re-renders nothing.
 *
 * A render also takes up the query's settled result when it holds other documents than the state:
 * the client page is rendered hidden beside the visit form, its subscriptions paused, and after a
 * save it is shown with the queries already brought up to date (visits/queries.ts). Taken up here
 * (React renders this component again at once, before its children), the page is drawn with the
 * new visit in the render that shows it, instead of drawn stale and then again when the
 * subscriptions resume (a whole second render of the page in the save's frame).
 */
function useLiveQuery<T>(makeQuery: () => RxQuery<never, T>, deps: readonly unknown[]): T | undefined {
  const settled = settledResult(makeQuery());
  const [value, setValue] = useState<T | undefined>(settled);
  if (settled !== undefined && keepIfSame(value, settled) !== value) setValue(settled);
  useEffect(() => {
    const sub = makeQuery().$.subscribe((next) => setValue((previous) => keepIfSame(previous, next)));
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists the query's inputs
  }, deps);
  return value;
}

// RxDB's query type is generic over the document type; these hooks only read what it emits.
const asQuery = <T,>(query: unknown) => query as RxQuery<never, T>;

/** undefined while loading; null when this device has no such client. */
export function useClient(clientId: string): Readonly<Client> | null | undefined {
  const { db } = useData();
  return useLiveQuery(() => asQuery<Readonly<Client> | null>(clientPageQueries(db, clientId).client), [db, clientId]);
}

export function useClientCases(clientId: string): readonly Readonly<Case>[] | undefined {
  const { db } = useData();
  return useLiveQuery(() => asQuery<readonly Readonly<Case>[]>(clientPageQueries(db, clientId).cases), [db, clientId]);
}

export function useClientVisits(clientId: string): readonly Readonly<Visit>[] | undefined {
  const { db } = useData();
  return useLiveQuery(() => asQuery<readonly Readonly<Visit>[]>(clientPageQueries(db, clientId).visits), [db, clientId]);
}

export function useClientTasks(clientId: string): readonly Readonly<Task>[] | undefined {
  const { db } = useData();
  return useLiveQuery(() => asQuery<readonly Readonly<Task>[]>(clientPageQueries(db, clientId).tasks), [db, clientId]);
}

export type ExistingClientRow = ExistingClient & Readonly<Pick<Client, 'teamId'>>;

/** Everyone on the device, for the offline duplicate warning; undefined while loading. */
export function useExistingClients(): readonly ExistingClientRow[] | undefined {
  const { db } = useData();
  return useObservable<readonly ExistingClientRow[]>(() => db.clients.find().$, [db]);
}
