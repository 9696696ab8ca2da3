/**
 * Reactive reads for the caseload: three whole-collection queries (clients, cases, open tasks),
 * never one per row, and the derived structures kept in memory between keystrokes. The search index
 * is rebuilt only when the client list changes (a new array from RxDB), not when cases or tasks do.
 * RxDB hands back the same document object for an unchanged document, which buildClientIndex uses
 * to reuse each client's search keys on a rebuild.
 */
import { useMemo } from 'react';
import { buildClientIndex, type ClientIndex } from '#shared/domain/search';
import { useData, useObservable } from '../common/data';
import { groupCases, groupOpenTasks, type CaseRow, type ClientCases, type ClientRow, type ClientTasks, type TaskRow } from './model';

export interface CaseloadData {
  /** undefined until the first local read finishes. */
  clients: readonly ClientRow[] | undefined;
  clientsById: ReadonlyMap<string, ClientRow>;
  index: ClientIndex | undefined;
  cases: ReadonlyMap<string, ClientCases> | undefined;
  tasks: ReadonlyMap<string, ClientTasks> | undefined;
}

const EMPTY_MAP: ReadonlyMap<string, ClientRow> = new Map();

export function useCaseload(today: string): CaseloadData {
  const { db } = useData();
  const clients = useObservable<readonly ClientRow[]>(() => db.clients.find().$, [db]);
  const cases = useObservable<readonly CaseRow[]>(() => db.cases.find().$, [db]);
  const tasks = useObservable<readonly TaskRow[]>(() => db.tasks.find({ selector: { done: false } }).$, [db]);

  const index = useMemo(() => (clients ? buildClientIndex(clients) : undefined), [clients]);
  const clientsById = useMemo(() => (clients ? new Map(clients.map((c) => [c.id, c])) : EMPTY_MAP), [clients]);
  const casesByClient = useMemo(() => (cases ? groupCases(cases) : undefined), [cases]);
  const tasksByClient = useMemo(() => (tasks ? groupOpenTasks(tasks, today) : undefined), [tasks, today]);

  return { clients, clientsById, index, cases: casesByClient, tasks: tasksByClient };
}
