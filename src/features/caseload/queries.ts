/**
 * Reactive reads for the caseload: three whole-collection queries (clients, cases, open tasks),
 * never one per row, and the derived structures kept in memory between keystrokes. The search index
 * is rebuilt only when the client list changes (a new array from RxDB), not when cases or tasks do.
 * RxDB hands back the same document object for an unchanged document, which buildClientIndex uses
 * to reuse each client's search keys on a rebuild.
 */
import { useEffect, useMemo, useState } from 'react';
import { buildClientIndex, type ClientIndex } from '#shared/domain/search';
import type { ResonanceDatabase } from '#db/database';
import { useData } from '../common/data';
import { checkHead, readStoredHead, storeHead, writeTimeOfList } from './head';
import { groupCases, groupOpenTasks, sameHead, takeHead, type CaseRow, type ClientCases, type ClientRow, type ClientTasks, type TaskRow } from './model';

export interface CaseloadData {
  /** undefined until the first local read finishes. */
  clients: readonly ClientRow[] | undefined;
  /**
   * Until `clients` is read: the first screen of the unfiltered list, when the stored head (head.ts)
   * is provably still that screen; `count` is every client on the device.
   */
  head: { rows: readonly ClientRow[]; count: number } | undefined;
  clientsById: ReadonlyMap<string, ClientRow>;
  index: ClientIndex | undefined;
  cases: ReadonlyMap<string, ClientCases> | undefined;
  tasks: ReadonlyMap<string, ClientTasks> | undefined;
}

const EMPTY_MAP: ReadonlyMap<string, ClientRow> = new Map();

/** performance.mark once per page load, for benchmarks of the cold start (`resonance:caseload-<what>`). */
function markOnce(what: string): void {
  const name = `resonance:caseload-${what}`;
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

interface Subscribable<T> {
  subscribe(next: (value: T) => void): { unsubscribe(): void };
}

/**
 * Like useObservable, but subscribes only once `enabled`. The caseload reads clients first and cases
 * and tasks after: IndexedDB serves concurrent reads by interleaving them, so reading all three at
 * once delays the clients (and the first rows) until nearly all three have finished.
 */
function useQueryWhen<T>(enabled: boolean, query: () => Subscribable<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    const sub = query().subscribe(setValue);
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists the query's inputs
  }, [enabled, ...deps]);
  return value;
}

type HeadState = 'checking' | 'none' | { rows: readonly ClientRow[]; count: number };

/**
 * The stored head checked against the database (a few indexed reads). Every client is read only
 * after that check, so the check's small reads do not queue behind the big one.
 */
function useHead(db: ResonanceDatabase): HeadState {
  const stored = useMemo(() => readStoredHead(db.name), [db]);
  const [checked, setChecked] = useState<{ db: ResonanceDatabase; state: HeadState }>();
  useEffect(() => {
    if (!stored) return;
    let live = true;
    const settle = (state: HeadState) => {
      if (live) setChecked({ db, state });
    };
    checkHead(db, stored).then(
      (rows) => settle(rows ? { rows, count: stored.count } : 'none'),
      // A failed check only costs the quick first screen: the full read reports storage errors.
      () => settle('none'),
    );
    return () => {
      live = false;
    };
  }, [db, stored]);
  if (!stored) return 'none';
  return checked?.db === db ? checked.state : 'checking';
}

export function useCaseload(today: string): CaseloadData {
  const { db } = useData();
  const head = useHead(db);
  const clients = useQueryWhen<readonly ClientRow[]>(head !== 'checking', () => db.clients.find().$, [db]);
  const clientsRead = clients !== undefined;
  const cases = useQueryWhen<readonly CaseRow[]>(clientsRead, () => db.cases.find().$, [db]);
  const tasks = useQueryWhen<readonly TaskRow[]>(clientsRead, () => db.tasks.find({ selector: { done: false } }).$, [db]);

  if (clients) markOnce('clients-read');
  if (cases) markOnce('cases-read');
  if (tasks) markOnce('tasks-read');
  const index = useMemo(() => (clients ? buildClientIndex(clients) : undefined), [clients]);
  const clientsById = useMemo(() => (clients ? new Map(clients.map((c) => [c.id, c])) : EMPTY_MAP), [clients]);
  // Keep the stored head in step with the full list, for the next cold start: one small indexed
  // read per change of the list, for the write time (deletions included) the head stands for.
  useEffect(() => {
    if (!clients || !index) return;
    let live = true;
    writeTimeOfList(db, clients, clientsById).then(
      (lwt) => {
        if (!live || lwt === undefined) return;
        const next = takeHead(index.sortedIds, lwt);
        if (!sameHead(readStoredHead(db.name), next)) storeHead(db.name, next);
      },
      // Not stored, the next cold start reads every client first: slower, never wrong.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [db, clients, index, clientsById]);
  const casesByClient = useMemo(() => (cases ? groupCases(cases) : undefined), [cases]);
  const tasksByClient = useMemo(() => (tasks ? groupOpenTasks(tasks, today) : undefined), [tasks, today]);

  const headRows = !clients && typeof head === 'object' ? head : undefined;
  return { clients, head: headRows, clientsById, index, cases: casesByClient, tasks: tasksByClient };
}
